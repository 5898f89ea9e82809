using System.Collections.Generic;
using System.Threading;

namespace MemScopeRuntime.Capture;

/// <summary>
/// A list that only grows, built on a compare-and-swap of its head: adding never takes a lock,
/// and reading walks an immutable chain, so readers and writers never wait on each other.
/// Used for things added rarely (chunks, threads, modules), never per event.
/// </summary>
internal sealed class AppendOnlyList<T> where T : class
{
    private sealed class Node
    {
        public readonly T Value;
        public Node? Next;
        public Node(T value) => Value = value;
    }

    private Node? _head;

    public void Add(T value)
    {
        var node = new Node(value);
        Node? head;
        do
        {
            head = Volatile.Read(ref _head);
            node.Next = head;
        }
        while (Interlocked.CompareExchange(ref _head, node, head) != head);
    }

    public void Clear() => Volatile.Write(ref _head, null);

    /// <summary>Items in the order they were added.</summary>
    public List<T> Snapshot()
    {
        var items = new List<T>();
        for (Node? node = Volatile.Read(ref _head); node is not null; node = node.Next)
            items.Add(node.Value);
        items.Reverse();
        return items;
    }
}
