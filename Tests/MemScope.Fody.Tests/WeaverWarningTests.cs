using System;
using System.IO;
using System.Linq;
using Fody;
using Xunit;

namespace MemScopeFodyTests;

public class WeaverWarningTests
{
    private static readonly TestResult Result = new ModuleWeaver().ExecuteTestRun(
        Path.Combine(AppContext.BaseDirectory, "AssemblyWithWarnings.dll"),
        runPeVerify: false,
        assemblyName: "AssemblyWithWarnings.Woven");

    [Fact]
    public void Tracked_on_an_abstract_method_is_a_warning_that_names_it()
    {
        Assert.Contains(Result.Warnings, w => w.Text.Contains("Shape.Area") && w.Text.Contains("abstract"));
    }

    [Fact]
    public void Tracked_on_an_extern_method_is_a_warning_that_names_it()
    {
        Assert.Contains(Result.Warnings, w => w.Text.Contains("Native.GetProcessId") && w.Text.Contains("extern"));
    }

    [Fact]
    public void Those_warnings_are_not_errors()
    {
        Assert.Empty(Result.Errors);
        Assert.Equal(2, Result.Warnings.Count(w => w.Text.Contains("[Tracked]")));
    }
}
