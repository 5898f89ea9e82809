using MemScopeRuntime;
using Xunit;

namespace MemScopeRuntimeTests;

public class NamingTests
{
    [Theory]
    [InlineData("BasicUsage", "basic_usage")]
    [InlineData("ComplexLifecycleShowcase", "complex_lifecycle_showcase")]
    [InlineData("UnsafeFFIDemo", "unsafe_ffi_demo")]
    [InlineData("My.App", "my_app")]
    public void Assembly_names_become_the_seeds_snake_case_folder_names(string name, string expected)
    {
        Assert.Equal(expected, Naming.ToSnakeCase(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void Export_rejects_a_name_that_is_not_a_folder_name(string name)
    {
        Assert.ThrowsAny<System.ArgumentException>(() => MemScope.Export(name));
    }
}

public class TypeNameTests
{
    [Theory]
    [InlineData(typeof(System.Collections.Generic.List<int>), "System.Collections.Generic.List<int>")]
    [InlineData(typeof(System.Collections.Generic.List<int>.Enumerator), "System.Collections.Generic.List<int>.Enumerator")]
    [InlineData(typeof(System.Collections.Generic.Dictionary<string, int[]>), "System.Collections.Generic.Dictionary<string, int[]>")]
    [InlineData(typeof(System.Collections.Generic.Dictionary<string, byte>.KeyCollection), "System.Collections.Generic.Dictionary<string, byte>.KeyCollection")]
    [InlineData(typeof(System.Environment.SpecialFolder), "System.Environment.SpecialFolder")]
    public void Runtime_types_are_named_as_CSharp_writes_them(System.Type type, string expected)
    {
        Assert.Equal(expected, MemScopeRuntime.Identity.TypeNames.Format(type));
    }
}
