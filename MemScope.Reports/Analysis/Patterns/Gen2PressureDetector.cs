using System;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Full (gen2) collections per second and their share of all collections, from the first and last GC
/// sample: the counters are cumulative, so their differences count what happened in between.
/// </summary>
internal static class Gen2PressureDetector
{
    public static Gen2Pressure? Find(AnalysisContext context)
    {
        var samples = context.Recording.GcSamples;
        if (samples.Count < 2)
            return null;
        var first = samples[0];
        var last = samples[^1];
        // GC.CollectionCount(0) counts every collection, since a gen2 collection collects gen0 too.
        int all = last.Gen0Collections - first.Gen0Collections;
        int gen1 = last.Gen1Collections - first.Gen1Collections;
        int gen2 = last.Gen2Collections - first.Gen2Collections;
        double seconds = AnalysisContext.Milliseconds(last.Timestamp - first.Timestamp) / 1000.0;
        double perSecond = seconds > 0 ? gen2 / seconds : 0;
        double share = all > 0 ? (double)gen2 / all : 0;
        bool significant = gen2 >= context.Options.Gen2MinCollections && share >= context.Options.Gen2MinShare;
        return new Gen2Pressure(
            samples.Count,
            context.Recording.ToMilliseconds(first.Timestamp),
            context.Recording.ToMilliseconds(last.Timestamp),
            all,
            gen1,
            gen2,
            perSecond,
            share,
            Math.Max(0, last.TotalPauseMs - first.TotalPauseMs),
            significant);
    }
}
