using System.Text;

namespace MemScopeRuntime;

internal static class Naming
{
    /// <summary>"BasicUsage" → "basic_usage", memscope-rs's folder names.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))) && builder[^1] != '_')
                    builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c is '.' or '-' or ' ' ? '_' : c);
            }
        }
        return builder.ToString();
    }
}
