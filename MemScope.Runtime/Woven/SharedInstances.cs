using System;
using System.IO;
using System.Security.Cryptography;

namespace MemScopeRuntime;

/// <summary>
/// Objects the framework hands to every caller alike and whose Dispose does nothing: RandomNumberGenerator.Create()'s
/// singleton and the Null streams, readers and writers. Code that disposes what it got, as it should, disposes the same
/// object again the next time and then uses it again, harmlessly; counting that as a double disposal or a use after
/// dispose would be a false finding. So their disposals are not recorded.
/// </summary>
internal static class SharedInstances
{
    private static readonly Lazy<object[]> s_instances = new(Find);

    public static bool Contains(object obj)
    {
        foreach (var shared in s_instances.Value)
        {
            if (ReferenceEquals(shared, obj))
                return true;
        }
        return false;
    }

    private static object[] Find()
    {
        var found = new System.Collections.Generic.List<object>
        {
            Stream.Null, TextReader.Null, TextWriter.Null, StreamReader.Null, StreamWriter.Null, BinaryWriter.Null,
        };
        // A singleton only where the runtime makes it one: two calls giving the same object say so.
        var first = RandomNumberGenerator.Create();
        var second = RandomNumberGenerator.Create();
        if (ReferenceEquals(first, second))
            found.Add(first);
        else
        {
            first.Dispose();
            second.Dispose();
        }
        return found.ToArray();
    }
}
