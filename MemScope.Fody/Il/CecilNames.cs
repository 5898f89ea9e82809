using System.Collections.Generic;
using System.Linq;
using System.Text;
using Mono.Cecil;

namespace MemScopeFody.Il;

/// <summary>Names as a C# developer writes them: List&lt;int&gt;, Program.Main.</summary>
public static class CecilNames
{
    private static readonly Dictionary<string, string> Keywords = new Dictionary<string, string>
    {
        ["System.Boolean"] = "bool", ["System.Byte"] = "byte", ["System.SByte"] = "sbyte", ["System.Char"] = "char",
        ["System.Int16"] = "short", ["System.UInt16"] = "ushort", ["System.Int32"] = "int", ["System.UInt32"] = "uint",
        ["System.Int64"] = "long", ["System.UInt64"] = "ulong", ["System.Single"] = "float", ["System.Double"] = "double",
        ["System.Decimal"] = "decimal", ["System.String"] = "string", ["System.Object"] = "object",
        ["System.IntPtr"] = "nint", ["System.UIntPtr"] = "nuint", ["System.Void"] = "void",
    };

    public static string Type(TypeReference type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, TypeReference type)
    {
        switch (type)
        {
            case ArrayType array:
                Append(builder, array.ElementType);
                builder.Append('[').Append(',', array.Rank - 1).Append(']');
                return;
            case ByReferenceType byRef:
                builder.Append("ref ");
                Append(builder, byRef.ElementType);
                return;
            case PointerType pointer:
                Append(builder, pointer.ElementType);
                builder.Append('*');
                return;
            case GenericInstanceType generic:
                AppendName(builder, generic.ElementType);
                builder.Append('<');
                for (int i = 0; i < generic.GenericArguments.Count; i++)
                {
                    if (i > 0)
                        builder.Append(", ");
                    Append(builder, generic.GenericArguments[i]);
                }
                builder.Append('>');
                return;
            case GenericParameter parameter:
                builder.Append(parameter.Name);
                return;
        }

        if (Keywords.TryGetValue(type.FullName, out var keyword))
        {
            builder.Append(keyword);
            return;
        }
        AppendName(builder, type);
        if (type.HasGenericParameters)
            builder.Append('<').Append(string.Join(", ", type.GenericParameters.Select(p => p.Name))).Append('>');
    }

    private static void AppendName(StringBuilder builder, TypeReference type)
    {
        if (type.DeclaringType != null)
        {
            AppendName(builder, type.DeclaringType);
            builder.Append('.');
        }
        else if (type.Namespace.Length > 0)
        {
            builder.Append(type.Namespace).Append('.');
        }
        builder.Append(StripArity(type.Name));
    }

    /// <summary>A short type name for field sites: Inventory.items, not Namespace.Inventory.items.</summary>
    public static string ShortType(TypeReference type)
    {
        var name = StripArity(type.Name);
        return type.DeclaringType != null ? ShortType(type.DeclaringType) + "." + name : name;
    }

    /// <summary>Type.Method, naming compiler-generated code after the method a developer wrote.</summary>
    public static string Method(MethodDefinition method, MethodDefinition? userMethod)
    {
        var owner = userMethod ?? method;
        string name = owner.IsConstructor ? (owner.IsStatic ? "cctor" : "ctor") : owner.Name;
        string text = Type(UserType(owner.DeclaringType)) + "." + name;
        if (userMethod != null && userMethod != method)
            text += DescribeGenerated(method.Name);
        return text;
    }

    private static string DescribeGenerated(string name)
    {
        if (name == "MoveNext")
            return " (state machine)";
        int local = name.IndexOf(">g__");
        if (local >= 0)
        {
            int end = name.IndexOf('|', local);
            return " (local function " + name.Substring(local + 4, (end < 0 ? name.Length : end) - local - 4) + ")";
        }
        return " (lambda)";
    }

    private static TypeReference UserType(TypeDefinition type)
    {
        while (type.DeclaringType != null && type.Name.StartsWith("<"))
            type = type.DeclaringType;
        return type;
    }

    private static string StripArity(string name)
    {
        int tick = name.IndexOf('`');
        return tick >= 0 ? name.Substring(0, tick) : name;
    }
}
