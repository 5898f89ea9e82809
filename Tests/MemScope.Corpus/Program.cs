using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

[assembly: Tracked]

namespace Corpus;

/// <summary>
/// Runs one case of the corpus: <c>dotnet MemScope.Corpus.dll &lt;CaseName&gt;</c>. Each case is a class of Corpus.Cases
/// with a static Run (or RunAsync) method; its planted problems are marked <c>// PLANTED: kind variable</c> on their
/// lines, and a case whose name starts with Clean has none. The report is the export at exit (MEMSCOPE_NAME).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var type = typeof(Program).Assembly.GetType("Corpus.Cases." + args.FirstOrDefault());
        if (type == null)
        {
            Console.Error.WriteLine("usage: MemScope.Corpus <case>; cases: " +
                string.Join(", ", typeof(Program).Assembly.GetTypes().Where(t => t.Namespace == "Corpus.Cases" && !t.IsNested).Select(t => t.Name).Order()));
            return 2;
        }
        var run = type.GetMethod("Run", BindingFlags.Public | BindingFlags.Static) ?? type.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!;
        if (run.Invoke(null, null) is Task task)
            await task;
        Console.WriteLine("ran " + type.Name);
        return 0;
    }
}
