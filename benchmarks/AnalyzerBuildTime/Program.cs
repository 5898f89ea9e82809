using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MemScopeAnalyzers.Benchmarks
{
    /// <summary>
    /// Usage: dotnet run -c Release --project benchmarks/AnalyzerBuildTime [-- --files 500 --runs 5 --analyzer path/to/MemScope.Analyzers.dll]
    /// Builds a generated project alternately with and without the MemScope analyzers and compares the CPU time of
    /// the whole build (dotnet, MSBuild and csc, which runs in-process per build so that its time is counted).
    /// CPU time rather than wall time: on a shared 2-core machine other work shifts wall time by more than the
    /// analyzers cost. Timed builds run on one core (taskset) so that the compiler does not spin waiting for
    /// parallel work, which inflates CPU time under outside load; --all-cores turns that off.
    /// The Csc task's wall time is printed beside it.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var files = IntOption(args, "--files", 500);
            var runs = IntOption(args, "--runs", 5);
            var analyzer = Option(args, "--analyzer") ?? BuildAnalyzer();
            singleCore = Array.IndexOf(args, "--all-cores") < 0 && OperatingSystem.IsLinux();
            var directory = Path.Combine(Path.GetTempPath(), "memscope-analyzer-buildtime");
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            ProjectGenerator.Write(directory, files, analyzer);
            Console.WriteLine($"Generated {files} files in {directory}; analyzer {analyzer}; timed builds on {(singleCore ? "one core" : "all cores")}");
            Dotnet(directory, "restore -nologo");

            // One untimed build of each kind warms the disk cache and the SDK.
            Build(directory, withAnalyzer: false);
            Build(directory, withAnalyzer: true);

            var without = new List<BuildTime>();
            var with = new List<BuildTime>();
            for (var run = 0; run < runs; run++)
            {
                without.Add(Build(directory, withAnalyzer: false));
                with.Add(Build(directory, withAnalyzer: true));
                Console.WriteLine($"run {run + 1}: without: {without[run]}; with: {with[run]}");
            }

            var cpuWithout = Median(without.Select(t => t.CpuMs));
            var cpuWith = Median(with.Select(t => t.CpuMs));
            var cscWithout = Median(without.Select(t => t.CscMs));
            var cscWith = Median(with.Select(t => t.CscMs));
            Console.WriteLine();
            Console.WriteLine($"Build CPU time, median of {runs}: without analyzers {cpuWithout:F0} ms, with MemScope analyzers {cpuWith:F0} ms");
            Console.WriteLine($"Added build CPU time: {Percent(cpuWith, cpuWithout)} % (median); {Percent(with.Min(t => t.CpuMs), without.Min(t => t.CpuMs))} % (fastest run of each, least disturbed by other load)");
            if (!double.IsNaN(cscWithout) && !double.IsNaN(cscWith))
            {
                Console.WriteLine($"Csc task wall time, median of {runs}: without {cscWithout:F0} ms, with {cscWith:F0} ms ({Percent(cscWith, cscWithout)} %)");
            }
            Console.WriteLine();
            Console.WriteLine("Analyzer execution time reported by the compiler (-p:ReportAnalyzer=true):");
            foreach (var line in ReportAnalyzer(directory))
            {
                Console.WriteLine("  " + line);
            }

            return 0;
        }

        private static bool singleCore;

        private static BuildTime Build(string directory, bool withAnalyzer)
        {
            var cpuBefore = ChildCpu.TotalMilliseconds();
            var output = Dotnet(directory, singleCore, "build -nologo --no-restore -t:Rebuild -nodeReuse:false -p:UseSharedCompilation=false -clp:PerformanceSummary -v:q -p:WithMemScope=" + (withAnalyzer ? "true" : "false"));
            var cpu = ChildCpu.TotalMilliseconds() - cpuBefore;
            // MSBuild omits the task summary in some configurations (seen with one core); the CPU figure does not need it.
            var match = Regex.Match(output, @"(\d+) ms\s+Csc\s+\d+ calls");
            var csc = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
            return new BuildTime(cpu, csc);
        }

        private static string Percent(double with, double without) => ((with - without) / without * 100).ToString("F1", CultureInfo.InvariantCulture);

        private static IEnumerable<string> ReportAnalyzer(string directory)
        {
            var output = Dotnet(directory, "build -nologo --no-restore -t:Rebuild -nodeReuse:false -p:UseSharedCompilation=false -v:d -p:ReportAnalyzer=true -p:WithMemScope=true");
            return output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("Total analyzer execution time", StringComparison.Ordinal) || l.Contains("MemScope.Analyzers", StringComparison.Ordinal) && l.Contains("   ", StringComparison.Ordinal) && !l.Contains("/analyzer:", StringComparison.Ordinal) || l.Contains("MemScopeAnalyzers.Analyzers.", StringComparison.Ordinal))
                .Distinct()
                .Take(20);
        }

        private static string BuildAnalyzer()
        {
            var root = AppContext.BaseDirectory;
            while (root != null && !File.Exists(Path.Combine(root, "MemScope.sln")))
            {
                root = Path.GetDirectoryName(root);
            }

            if (root == null)
            {
                throw new InvalidOperationException("run from inside the MemScope repository, or pass --analyzer");
            }

            var project = Path.Combine(root, "MemScope.Analyzers", "MemScope.Analyzers.csproj");
            Dotnet(root, "build -nologo -c Release \"" + project + "\"");
            return Path.Combine(root, "MemScope.Analyzers", "bin", "Release", "netstandard2.0", "MemScope.Analyzers.dll");
        }

        private static string Dotnet(string directory, string arguments) => Dotnet(directory, pinned: false, arguments);

        private static string Dotnet(string directory, bool pinned, string arguments)
        {
            var start = pinned ? new ProcessStartInfo("taskset", "-c 0 dotnet " + arguments) : new ProcessStartInfo("dotnet", arguments);
            start.WorkingDirectory = directory;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            return Run(start, arguments);
        }

        private static string Run(ProcessStartInfo start, string arguments)
        {
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet {arguments} failed:\n{output}");
            }

            return output.ToString();
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static string? Option(string[] args, string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        private static int IntOption(string[] args, string name, int fallback) =>
            int.TryParse(Option(args, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
