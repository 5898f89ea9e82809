using System.Collections.Generic;

namespace AssemblyToProcess;

[Tracked]
public class GenericHolder<T>
{
    public List<T> Collect<U>(T item, U other)
    {
        var items = new List<T> { item };
        U copy = other;
        var pairs = new KeyValuePair<T, U>[2];
        pairs[0] = new KeyValuePair<T, U>(item, copy);
        return items;
    }
}
