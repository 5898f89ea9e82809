using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using MemScopeCli.Analysis;

namespace MemScopeCli.Output;

/// <summary>
/// `memscope check --format junit`: JUnit XML, which every CI system shows as test results. Each finding is a
/// failed test case named after what it is, with `file` and `line` attributes (read by the common test-report
/// actions to annotate the line); each checked category without findings is one passed test case, so a clean
/// run shows what was checked. XML 1.0 cannot carry control characters at all, so every text goes through the
/// same escaping as the console (<see cref="TerminalText"/>).
/// </summary>
internal static class JUnitOutput
{
    public static void Write(Stream stream, CheckResult result)
    {
        var passed = result.FailOn.Where(c => !result.Of(c).Any()).ToList();
        int tests = result.Findings.Count + passed.Count;
        string failures = result.Findings.Count.ToString(CultureInfo.InvariantCulture);

        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "memscope check");
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", "0");

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Safe("memscope check " + result.Analysis.Name));
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteStartElement("properties");
        Property(xml, "trace", result.Analysis.Path);
        Property(xml, "failOn", string.Join(",", result.FailOn.Select(CheckResult.OptionName)));
        Property(xml, "sourceRoot", result.Root.Folder);
        xml.WriteEndElement();

        foreach (var finding in result.Findings)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "memscope." + finding.RuleId);
            xml.WriteAttributeString("name", Safe(Name(finding)));
            if (finding.Site?.File is { } file)
            {
                xml.WriteAttributeString("file", Safe(result.Root.Display(file)));
                xml.WriteAttributeString("line", finding.Site.Line.ToString(CultureInfo.InvariantCulture));
            }
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", finding.RuleId);
            xml.WriteAttributeString("message", Safe(finding.Message));
            xml.WriteString(Safe(finding.Line));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        foreach (var category in passed)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "memscope." + category.ToString().ToLowerInvariant());
            xml.WriteAttributeString("name", "no " + CheckResult.OptionName(category) switch { "growth" => "growing types", var name => name });
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>"nativeBlock: Marshal.AllocHGlobal in 'requestHeader' (Program.PrepareRequestHeader) at Program.cs:79".</summary>
    private static string Name(Finding f)
    {
        string variable = f.Variable is null ? "" : $" in '{f.Variable}'";
        string method = f.Method is null ? "" : $" ({f.Method})";
        string where = f.Site?.File is { } file ? $" at {Path.GetFileName(file)}:{f.Site.Line}" : "";
        return $"{f.Kind}: {f.TypeName}{variable}{method}{where}";
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Safe(value));
        xml.WriteEndElement();
    }

    /// <summary>Control characters escaped visibly, and lone surrogates (invalid in XML) replaced.</summary>
    private static string Safe(string text)
    {
        string escaped = TerminalText.Escape(text);
        var builder = new StringBuilder(escaped.Length);
        for (int i = 0; i < escaped.Length; i++)
        {
            char c = escaped[i];
            if (char.IsHighSurrogate(c) && i + 1 < escaped.Length && char.IsLowSurrogate(escaped[i + 1]))
                builder.Append(c).Append(escaped[++i]);
            else
                builder.Append(char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' ? '\uFFFD' : c);
        }
        return builder.ToString();
    }
}
