using System;
using System.Collections.Generic;

namespace ValidCode
{
    /// <summary>Ordinary tracked code: allocations, fields and locals the weaver can see.</summary>
    [Tracked]
    internal class Inventory
    {
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>();

        [Tracked]
        public int Count { get; private set; }

        public void Add(string item)
        {
            _counts[item] = _counts.TryGetValue(item, out int count) ? count + 1 : 1;
            Count++;
        }

        public virtual IReadOnlyList<string> Items() => new List<string>(_counts.Keys);

        [NotTracked]
        public static unsafe int PeekFirst(int[] values)
        {
            fixed (int* p = values)
            {
                return *p;
            }
        }
    }

    [Tracked]
    internal readonly struct Reading
    {
        public Reading(double value, DateTime at)
        {
            Value = value;
            At = at;
        }

        public double Value { get; }

        public DateTime At { get; }
    }
}
