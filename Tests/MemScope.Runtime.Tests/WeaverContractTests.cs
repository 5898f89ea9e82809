using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using MemScopeRuntime;
using MemScopeRuntime.Sites;
using Xunit;
using MemScopeTrace.Model;

namespace MemScopeRuntimeTests;

/// <summary>The constants MemScope.Fody compiles in (from the same file) name what this runtime really has.</summary>
public class WeaverContractTests
{
    [Fact]
    public void The_contract_names_the_runtime_types_the_woven_code_calls()
    {
        Assert.Equal(WeaverContract.RuntimeAssembly, typeof(Probe).Assembly.GetName().Name);
        Assert.Equal(WeaverContract.ProbeType, typeof(Probe).FullName);
        Assert.Equal(WeaverContract.NativeShimsType, typeof(NativeShims).FullName);
        Assert.Equal(WeaverContract.RecordsDisposalAttributeType, typeof(RecordsDisposalAttribute).FullName);
        Assert.Equal(WeaverContract.TrackedObjectInterface, typeof(ITrackedObject).FullName);
    }

    [Fact]
    public void Every_site_kind_word_of_the_contract_reads_back_as_its_own_site_kind()
    {
        var words = typeof(WeaverContract.SiteKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        string sites = string.Join(",", words.Select(w => $"{{\"kind\":\"{w}\",\"method\":\"M\",\"line\":1,\"column\":1}}"));
        string json = $"{{\"format\":{WeaverContract.SiteTableFormat},\"assembly\":\"A\",\"sites\":[{sites}]}}";

        var kinds = MemScopeRuntime.Sites.SiteTableLoader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), firstSite: 1).Select(s => s.Kind).ToList();

        Assert.DoesNotContain(SiteKind.Unknown, kinds);
        Assert.Equal(Enum.GetValues<SiteKind>().Where(k => k != SiteKind.Unknown).Order(), kinds.Order());
    }

    [Fact]
    public void A_site_table_of_another_format_version_is_refused_with_a_message_naming_both_versions()
    {
        int other = WeaverContract.SiteTableFormat + 1;
        string json = $"{{\"format\":{other},\"assembly\":\"A\",\"sites\":[]}}";

        var error = Assert.Throws<InvalidDataException>(() => MemScopeRuntime.Sites.SiteTableLoader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), firstSite: 1));

        Assert.Contains($"format {other}", error.Message);
        Assert.Contains($"expects {WeaverContract.SiteTableFormat}", error.Message);
    }
}
