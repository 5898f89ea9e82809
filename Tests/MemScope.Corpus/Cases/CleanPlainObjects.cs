using System.Collections.Generic;
using System.Text;

namespace Corpus.Cases;

public static class CleanPlainObjects
{
    public static void Run()
    {
        var names = new List<string> { "a", "b" };
        var text = new StringBuilder();
        foreach (var name in names)
            text.Append(name);
        _ = text.ToString();
    }
}
