using MemScopeReports.Export.Dashboard;
using Xunit;

namespace MemScope.Dashboard.Tests;

/// <summary>MEMSCOPE_EDITOR's values, and the folder that locations are shown relative to.</summary>
public sealed class EditorLinkTests
{
    [Theory]
    [InlineData(null, "vscode", "vscode://file{path}:{line}")]
    [InlineData("", "vscode", "vscode://file{path}:{line}")]
    [InlineData(" VSCode ", "vscode", "vscode://file{path}:{line}")]
    [InlineData("vscode-insiders", "vscode-insiders", "vscode-insiders://file{path}:{line}")]
    [InlineData("cursor", "cursor", "cursor://file{path}:{line}")]
    [InlineData("rider", "rider", "rider://open?file={path}&line={line}")]
    [InlineData("none", "none", "")]
    [InlineData("myeditor://open?file={path}&line={line}", "custom", "myeditor://open?file={path}&line={line}")]
    public void A_known_name_or_a_template_of_ones_own_chooses_the_link(string? value, string name, string template)
    {
        var editor = EditorLink.Parse(value);

        Assert.Equal(name, editor.Name);
        Assert.Equal(template, editor.Template);
    }

    [Theory]
    [InlineData("vsocde")]
    [InlineData("javascript:alert(1)//{path}")]
    [InlineData("JavaScript:alert(1)//{path}")]
    [InlineData("data:text/html,{path}")]
    [InlineData("file://{path}")]
    [InlineData("x://{path}\"><img src=x onerror=alert(1)>")]
    [InlineData("myeditor://open?line={line}")]
    public void A_value_not_understood_or_a_template_that_could_run_or_inject_markup_gives_no_link(string value)
    {
        Assert.Same(EditorLink.None, EditorLink.Parse(value));
    }

    [Theory]
    [InlineData("/home/dev/app/src/", "/home/dev/app/src/Program.cs", "/home/dev/app/src/Orders/OrderService.cs")]
    [InlineData("/home/dev/app/src/Orders/", "/home/dev/app/src/Orders/OrderService.cs")]
    [InlineData("/home/dev/app/", "/home/dev/app/src/A.cs", null, "/home/dev/app/tests/B.cs")]
    [InlineData("C:\\src\\", "C:\\src\\app\\A.cs", "C:\\src\\lib\\B.cs")]
    [InlineData("", "/x/A.cs", "/y/B.cs")]
    [InlineData("", "C:\\A.cs", "C:\\lib\\B.cs")]
    [InlineData("", "Program.cs")]
    [InlineData("")]
    public void The_source_root_is_the_deepest_folder_all_files_share_but_never_the_file_systems_root(string root, params string?[] files)
    {
        Assert.Equal(root, SourceRoot.Of(files));
    }
}
