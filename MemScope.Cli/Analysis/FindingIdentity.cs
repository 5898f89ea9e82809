using System;
using System.Security.Cryptography;
using System.Text;

namespace MemScopeCli.Analysis;

/// <summary>
/// What makes two findings of different runs "the same finding": its category and kind, the method it happened
/// in, the variable and the type. Never the line: adding lines above an unchanged leak moves it, and it is still
/// the same leak. Never object ids or native addresses either: they change on every run.
/// </summary>
internal readonly record struct FindingIdentity(FindingCategory Category, string Kind, string? Method, string? Variable, string TypeName)
{
    /// <summary>A stable hash of the identity, for SARIF's partialFingerprints and the JSON output.</summary>
    public string Fingerprint()
    {
        // Unit separators between the parts: no name can make two different identities hash alike by concatenation.
        string text = string.Join('\u001f', Category.ToString(), Kind, Method ?? "", Variable ?? "", TypeName);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
