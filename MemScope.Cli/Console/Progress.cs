using System;
using System.Threading.Tasks;
using Spectre.Console;

namespace MemScopeCli;

/// <summary>
/// Runs work and shows a spinner only when it takes longer than a second and stdout is a terminal: a spinner
/// that flashes for 50 ms is noise, and one written into a log or a pipe is garbage.
/// </summary>
internal static class Progress
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    public static T Run<T>(CliConsole console, string label, Func<T> work)
    {
        if (!console.IsTerminal)
            return work();

        var task = Task.Run(work);
        // WhenAny never throws: a fault of the work surfaces below, from GetResult, as the work's own exception.
        Task.WhenAny(task, Task.Delay(Delay)).GetAwaiter().GetResult();
        if (task.IsCompleted)
            return task.GetAwaiter().GetResult();
        return console.Ansi.Status().Start(Markup.Escape(TerminalText.Escape(label)), _ => task.GetAwaiter().GetResult());
    }
}
