using System.Collections.Generic;
using System.IO;
using MemScopeRuntime.Analysis;

namespace MemScopeRuntime.Export;

/// <summary>Writes the report file set for one recording into one folder.</summary>
internal static class ReportWriter
{
    public static List<string> WriteAll(Recording.Recording recording, string name, string directory)
    {
        Directory.CreateDirectory(directory);
        var objects = LifetimeAnalysis.Build(recording);
        var files = new List<string>
        {
            MemoryAnalysisJson.Write(recording, objects, name, Path.Combine(directory, name + "_memory_analysis.json")),
            LifetimeJson.Write(recording, objects, name, Path.Combine(directory, name + "_lifetime.json")),
        };
        return files;
    }
}
