using System.Xml.Linq;
using Fody;
using MemScopeFody.Weaving;
using Xunit;

namespace MemScopeFodyTests;

public class WeaverConfigTests
{
    [Fact]
    public void An_empty_element_tracks_locals_allocations_and_fields_but_not_the_whole_assembly()
    {
        var config = WeaverConfig.Read(XElement.Parse("<MemScope />"));

        Assert.True(config.TrackLocals);
        Assert.True(config.TrackAllocations);
        Assert.True(config.TrackFields);
        Assert.False(config.TrackAll);
    }

    [Fact]
    public void Attributes_are_read_with_namespaces_split_on_bars()
    {
        var config = WeaverConfig.Read(XElement.Parse("<MemScope TrackLocals='false' TrackAll='true' IncludeNamespaces='App.Core | App.Data' ExcludeNamespaces='App.Core.Generated' />"));

        Assert.False(config.TrackLocals);
        Assert.True(config.TrackAll);
        Assert.Equal(new[] { "App.Core", "App.Data" }, config.IncludeNamespaces);
        Assert.Equal(new[] { "App.Core.Generated" }, config.ExcludeNamespaces);
    }

    [Fact]
    public void An_unknown_attribute_is_a_weaving_error_that_lists_the_known_ones()
    {
        var error = Assert.Throws<WeavingException>(() => WeaverConfig.Read(XElement.Parse("<MemScope TrackLocal='true' />")));

        Assert.Contains("'TrackLocal'", error.Message);
        Assert.Contains("TrackLocals", error.Message);
    }

    [Fact]
    public void A_value_that_is_not_a_boolean_is_a_weaving_error_naming_the_attribute()
    {
        var error = Assert.Throws<WeavingException>(() => WeaverConfig.Read(XElement.Parse("<MemScope TrackFields='yes' />")));

        Assert.Contains("TrackFields=\"yes\"", error.Message);
        Assert.Contains("true or false", error.Message);
    }

    [Fact]
    public void A_namespace_list_with_a_stray_character_is_a_weaving_error()
    {
        var error = Assert.Throws<WeavingException>(() => WeaverConfig.Read(XElement.Parse("<MemScope IncludeNamespaces='App.Core;App.Data' />")));

        Assert.Contains("'|'", error.Message);
    }
}
