using System;
using System.Collections.Generic;

namespace AssemblyToProcess;

public static class ExceptionScenario
{
    [Tracked]
    public static void ThrowsThrough(List<int> log)
    {
        var resource = new List<int>();
        try
        {
            var scratch = new int[4];
            log.Add(scratch.Length);
            throw new InvalidOperationException("boom");
        }
        finally
        {
            resource.Add(1);
            log.Add(resource.Count);
        }
    }

    [Tracked]
    public static string CatchesAndReturns()
    {
        var message = "none";
        try
        {
            var payload = new object[1];
            message = payload.Length.ToString();
            throw new FormatException("bad");
        }
        catch (FormatException error) when (error.Message == "bad")
        {
            var caught = error.Message + "!";
            message = caught;
        }
        return message;
    }
}
