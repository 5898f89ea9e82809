using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace MemScope.Cli.Tests;

/// <summary>
/// Traces made hostile on purpose, with valid checksums, read by every verb: each must give a result or one line
/// on stderr with exit code 2 — never a stack trace, an exception of another kind, or an allocation the file
/// could not justify.
/// </summary>
[Collection(SampleTracesCollection.Name)]
public sealed class HostileTraceTests(SampleTraces samples, ITestOutputHelper log)
{
    /// <summary>
    /// What one verb may allocate: a fixed part (the analysis and tables of a trace of a few tens of KB) and a
    /// multiple of the file's size. A count or size believed from the file without a check needs far more.
    /// </summary>
    private static long AllocationLimit(long fileBytes) => (48L << 20) + 8 * fileBytes;

    /// <summary>Cases per category and recording in the suite: with three recordings, about 630 traces.</summary>
    private const int DefaultPerCategory = 24;

    [Fact]
    public void Mutated_traces_with_recomputed_checksums_give_a_result_or_one_line_and_exit_code_2()
    {
        var cases = new List<HostileTrace>();
        int seed = 20_240_516;
        // The suite runs a bounded sample; MEMSCOPE_HOSTILE_PER_CATEGORY=2000 runs (nearly) every case, for a deeper look.
        int perCategory = int.TryParse(Environment.GetEnvironmentVariable("MEMSCOPE_HOSTILE_PER_CATEGORY"), out int n) ? n : DefaultPerCategory;
        foreach (var folder in new[] { samples.UnsafeFfiFolder, samples.ComplexFolder, samples.OwnershipFolder })
            cases.AddRange(HostileTraces.From(Path.GetFileName(folder), File.ReadAllBytes(samples.Trace(folder)), seed++, perCategory));
        string work = samples.NewFolder();
        string path = Path.Combine(work, "hostile.mscope");
        string valid = samples.Trace(samples.OwnershipFolder);
        var failures = new List<string>();
        var outcomes = new Dictionary<string, (int Results, int Refused)>();
        var stopwatch = Stopwatch.StartNew();

        for (int i = 0; i < cases.Count; i++)
        {
            var hostile = cases[i];
            File.WriteAllBytes(path, hostile.Bytes);
            // Every case through the verbs that only read; one in eight also through those that write files and compare.
            var runs = new List<string[]> { new[] { "summary", path }, new[] { "check", path } };
            if (i % 8 == 0)
            {
                runs.Add(["html", path, "-o", Path.Combine(work, "page.html")]);
                runs.Add(["report", path, "-o", Path.Combine(work, "report"), "--format", "json,svg"]);
                runs.Add(["diff", valid, path]);
                runs.Add(["check", path, "--format", "sarif", "--fail-on", "leaks,violations,growth"]);
                runs.Add(["check", path, "--format", "junit"]);
                runs.Add(["check", path, "--format", "json"]);
            }
            foreach (var args in runs)
            {
                string? problem = Problem(args, AllocationLimit(hostile.Bytes.Length), out bool refused);
                if (problem is not null)
                    failures.Add($"{hostile.Label} — memscope {args[0]}: {problem}");
                var (results, refusals) = outcomes.GetValueOrDefault(hostile.Category);
                outcomes[hostile.Category] = refused ? (results, refusals + 1) : (results + 1, refusals);
            }
        }

        log.WriteLine($"{cases.Count} hostile traces, {outcomes.Values.Sum(o => o.Results + o.Refused)} runs in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        foreach (var (category, (results, refused)) in outcomes.OrderBy(o => o.Key))
            log.WriteLine($"  {category}: {results} results, {refused} refused");
        foreach (var failure in failures)
            log.WriteLine("FAILED " + failure);
        Assert.True(failures.Count == 0, $"{failures.Count} of the runs went wrong:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(cases.Count >= 500, $"only {cases.Count} cases");
        // The default sample takes about 10 s on an idle machine; the bound only catches a case that loops or crawls, on a busy CI machine too.
        Assert.True(perCategory != DefaultPerCategory || stopwatch.Elapsed < TimeSpan.FromMinutes(3), $"took {stopwatch.Elapsed}");
        // Both outcomes occur: the damage reaches the analysis (results), and the reader catches what it must (refusals).
        Assert.True(outcomes.Values.Sum(o => o.Results) > 100 && outcomes.Values.Sum(o => o.Refused) > 100);
    }

    /// <summary>What is wrong with one run, or null when it gave a result or a proper refusal.</summary>
    private static string? Problem(string[] args, long allocationLimit, out bool refused)
    {
        refused = false;
        long before = GC.GetAllocatedBytesForCurrentThread();
        CliResult result;
        try
        {
            result = CliRun.InProcess(args);
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > allocationLimit)
            return $"allocated {allocated:N0} bytes";
        if (ControlCharacter(result.Output + result.Error) is { } c)
            return $"printed control character U+{(int)c:X4}";
        if (result.ExitCode == 2)
        {
            refused = true;
            string error = result.Error.TrimEnd('\n');
            if (!error.StartsWith("memscope: ", StringComparison.Ordinal) || error.Contains('\n') || error.Contains("   at ") || error.Contains("internal error"))
                return "exit 2 without exactly one error line: " + error.ReplaceLineEndings("⏎");
            return null;
        }
        if (result.ExitCode is not (0 or 1))
            return $"exit code {result.ExitCode}";
        return result.Error.Length == 0 ? null : "a result with something on stderr: " + result.Error.ReplaceLineEndings("⏎");
    }

    /// <summary>A character a terminal acts on (C0 except newline, DEL, C1, bidirectional overrides), or null.</summary>
    internal static char? ControlCharacter(string text)
    {
        foreach (char c in text)
        {
            if ((char.IsControl(c) && c != '\n') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029')
                return c;
        }
        return null;
    }
}
