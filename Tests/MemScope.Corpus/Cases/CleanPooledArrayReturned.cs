using System.Buffers;

namespace Corpus.Cases;

public static class CleanPooledArrayReturned
{
    public static void Run()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            rented[0] = 1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
