using System;

/// <summary>Receives a frame and keeps it until someone takes it over.</summary>
[Tracked]
internal sealed class FrameReader
{
    private byte[]? _pending;

    public bool HasFrame => _pending is not null;

    public void Accept(byte[] frame) => _pending = frame;

    /// <summary>Gives the frame away and forgets it, so the reader is no longer a holder.</summary>
    public byte[] HandOff()
    {
        byte[] frame = _pending ?? throw new InvalidOperationException("No frame to hand off.");
        _pending = null;
        return frame;
    }
}

/// <summary>Owns the frame it was handed until it is flushed.</summary>
[Tracked]
internal sealed class FrameWriter
{
    private byte[]? _queued;

    public int QueuedBytes => _queued?.Length ?? 0;

    public int LastChecksum { get; private set; }

    public void Enqueue(byte[] frame) => _queued = frame;

    /// <summary>"Sends" the frame (a checksum stands in for the wire) and releases it.</summary>
    public int Flush()
    {
        byte[] frame = _queued ?? throw new InvalidOperationException("Nothing queued.");
        int checksum = 0;
        foreach (byte b in frame)
            checksum = (checksum * 31 + b) & 0xFFFF;
        LastChecksum = checksum;
        _queued = null;
        return frame.Length;
    }
}
