using System;
using System.Collections.Generic;

namespace AssemblyToProcess;

public static class ClosureScenario
{
    [Tracked]
    public static int Capture()
    {
        var captured = new List<int>();
        Action add = () => captured.Add(1);
        add();
        add();
        Func<List<int>> copy = () =>
        {
            var inner = new List<int>(captured);
            return inner;
        };
        return copy().Count;
    }

    [Tracked]
    public static string LocalFunction()
    {
        return Build(3);

        static string Build(int count)
        {
            var builder = new System.Text.StringBuilder();
            builder.Append('#', count);
            return builder.ToString();
        }
    }
}
