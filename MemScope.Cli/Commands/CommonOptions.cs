using System;
using System.CommandLine;
using System.Linq;

namespace MemScopeCli.Commands;

/// <summary>Options several verbs share, spelled and described the same way in every --help.</summary>
internal static class CommonOptions
{
    public static Argument<string> Trace(string name = "trace|dir", string description = "A .mscope trace, or a report folder holding one") =>
        new(name) { Description = description };

    public static Option<string?> Base() =>
        new("--base") { Description = "In a report folder with several traces, the one named NAME (NAME.mscope)", HelpName = "NAME" };

    public static Option<int> Top() =>
        new("--top") { Description = "Rows in the top types and top sites tables", DefaultValueFactory = _ => 10, HelpName = "N" };

    /// <summary>
    /// A comma-separated choice ("leaks,violations"). Unknown words are a parse error (exit 2), so a typo in a CI
    /// script cannot silently turn a check off.
    /// </summary>
    /// <param name="defaults">The value when the option is not given; null: no value (the option is then off).</param>
    public static Option<string> List(string name, string description, string[] allowed, string? defaults)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description} (comma-separated)",
            HelpName = string.Join(",", allowed),
        };
        if (defaults is not null)
            option.DefaultValueFactory = _ => defaults;
        option.Validators.Add(result =>
        {
            if (result.Implicit && defaults is null)
                return;
            string value = result.GetValueOrDefault<string>() ?? "";
            var unknown = Split(value).Where(v => !allowed.Contains(v)).ToList();
            if (unknown.Count > 0)
                result.AddError($"{name}: unknown value '{string.Join(",", unknown)}' (expected any of {string.Join(",", allowed)}).");
            else if (Split(value).Length == 0)
                result.AddError($"{name}: expected at least one of {string.Join(",", allowed)}.");
        });
        return option;
    }

    public static string[] Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.ToLowerInvariant()).Distinct().ToArray();
}
