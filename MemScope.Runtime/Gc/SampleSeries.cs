using System.Collections.Generic;

namespace MemScopeRuntime.Gc;

/// <summary>
/// A time series of bounded size for a process that may run for days: when it is full, every other sample is
/// dropped, so the series keeps the shape of the whole run at half the resolution instead of growing without end.
/// Only the sampler's timer and exports touch it; the lock is never on the recording path.
/// </summary>
internal sealed class SampleSeries<T>
{
    private readonly object _gate = new();
    private readonly List<T> _samples = new();
    private readonly int _capacity;

    public SampleSeries(int capacity) => _capacity = capacity;

    public void Add(T sample)
    {
        lock (_gate)
        {
            if (_samples.Count >= _capacity)
            {
                int kept = 0;
                for (int i = 0; i < _samples.Count; i += 2)
                    _samples[kept++] = _samples[i];
                _samples.RemoveRange(kept, _samples.Count - kept);
            }
            _samples.Add(sample);
        }
    }

    public List<T> Snapshot()
    {
        lock (_gate)
            return new List<T>(_samples);
    }
}
