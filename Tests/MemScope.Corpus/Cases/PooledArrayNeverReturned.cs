using System.Buffers;

namespace Corpus.Cases;

public static class PooledArrayNeverReturned
{
    public static void Run()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(4096); // PLANTED: leak rented
        rented[0] = 1;
    }
}
