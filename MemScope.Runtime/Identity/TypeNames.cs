using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MemScopeRuntime.Identity;

/// <summary>C#-style type names: List&lt;int&gt;, Dictionary&lt;string, int[]&gt;.</summary>
internal static class TypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char",
        [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint",
        [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double",
        [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object",
        [typeof(nint)] = "nint", [typeof(nuint)] = "nuint",
    };

    public static string Format(Type type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            builder.Append(keyword);
            return;
        }
        if (type.IsArray)
        {
            Append(builder, type.GetElementType()!);
            builder.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }
        if (type.IsPointer)
        {
            Append(builder, type.GetElementType()!);
            builder.Append('*');
            return;
        }

        if (type.IsGenericParameter)
        {
            builder.Append(type.Name);
            return;
        }
        AppendNamed(builder, type, type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes);
    }

    /// <summary>
    /// A nested type of a generic type carries its outer type's arguments first: List&lt;int&gt;.Enumerator
    /// has one argument, which belongs to List.
    /// </summary>
    private static void AppendNamed(StringBuilder builder, Type type, Type[] arguments)
    {
        int ownFrom = 0;
        if (type.IsNested && type.DeclaringType is { } outer)
        {
            ownFrom = outer.IsGenericTypeDefinition ? outer.GetGenericArguments().Length : 0;
            AppendNamed(builder, outer, arguments[..Math.Min(ownFrom, arguments.Length)]);
            builder.Append('.');
        }
        else if (type.Namespace is { Length: > 0 } ns)
        {
            builder.Append(ns).Append('.');
        }

        string name = type.Name;
        int tick = name.LastIndexOf('`');
        builder.Append(tick >= 0 ? name[..tick] : name);
        var own = arguments.Skip(ownFrom).ToArray();
        if (own.Length > 0)
        {
            builder.Append('<');
            builder.AppendJoin(", ", own.Select(Format));
            builder.Append('>');
        }
    }
}
