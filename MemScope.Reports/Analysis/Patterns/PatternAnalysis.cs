using MemScopeTrace.Model;
namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Patterns a developer acts on (churn, large objects, growth, finalizer reliance, gen2 pressure, pinning,
/// P/Invoke time, per-thread allocation, possible handler leaks) and the ranked diagnosis, computed offline
/// from a recording and its lifecycle report. Each detector is a pass over the events or the objects.
/// </summary>
public static class PatternAnalysis
{
    public static PatternReport Analyze(Recording recording, LifecycleReport report, PatternOptions? options = null)
    {
        var context = new AnalysisContext(recording, report, options ?? PatternOptions.Default);
        var churn = ChurnDetector.Find(context);
        var largeObjects = LargeObjectDetector.Find(context);
        var (growthByType, growthBySite) = GrowthDetector.Find(context);
        var finalizerReliance = FinalizerRelianceDetector.Find(context);
        var gen2 = Gen2PressureDetector.Find(context);
        var pinning = PinningDetector.Find(context);
        var pinvoke = PInvokeTimeDetector.Find(context);
        var handlerLeaks = HandlerLeakDetector.Find(context);
        var subscriptionLeaks = EventSubscriptionDetector.Find(context);

        var diagnosis = new DiagnosisBuilder(context);
        diagnosis.AddLeaks(report.Leaks);
        diagnosis.AddViolations(report.Violations);
        diagnosis.AddChurn(churn);
        diagnosis.AddLargeObjects(largeObjects);
        diagnosis.AddGrowth(growthByType, growthBySite);
        diagnosis.AddFinalizerReliance(finalizerReliance); // after the leaks: it folds into them
        diagnosis.AddGen2Pressure(gen2);
        diagnosis.AddPinning(pinning);
        diagnosis.AddPInvokeTime(pinvoke);
        diagnosis.AddHandlerLeaks(handlerLeaks);
        diagnosis.AddSubscriptionLeaks(subscriptionLeaks);

        return new PatternReport
        {
            Options = context.Options,
            FromMs = context.StartMs,
            ToMs = context.EndMs,
            Diagnosis = diagnosis.Build(),
            ChurnSites = churn,
            LargeObjectSites = largeObjects,
            GrowthByType = growthByType,
            GrowthBySite = growthBySite,
            FinalizerReliance = finalizerReliance,
            Gen2Pressure = gen2,
            Pinning = pinning,
            PInvokeTime = pinvoke,
            Threads = ThreadBreakdown.Find(context),
            Activities = ActivityBreakdown.Find(context),
            HandlerLeaks = handlerLeaks,
            EventSubscriptionLeaks = subscriptionLeaks,
        };
    }
}
