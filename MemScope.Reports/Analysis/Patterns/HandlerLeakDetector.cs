using System.Collections.Generic;
using MemScopeTrace.Model;

namespace MemScopeReports.Analysis.Patterns;

/// <summary>
/// Possible event-handler leaks: a delegate-typed field stored at least <see cref="PatternOptions.HandlerMinStores"/>
/// times, never set to null, and still holding delegates at the end of the recording.
/// </summary>
/// <remarks>
/// What the stream can and cannot show. <c>x.Handler += h</c> on a delegate field is a field store of the
/// combined delegate (a Bind with the replaced value), and <c>-=</c> of the last handler stores null; so a field
/// that keeps being stored and never goes back to null is the visible signature of handlers that pile up.
/// The stream does not carry the delegate's target (the subscriber) nor the invocation list's length, nor which
/// instance owns the field, so a field that is merely re-assigned matches too: the finding says "possible".
/// Field-like <c>event</c> declarations are invisible here: their compiler-generated accessors update the field
/// through Interlocked.CompareExchange on its address, not through a field store the weaver instruments.
/// </remarks>
internal static class HandlerLeakDetector
{
    private sealed class FieldTally
    {
        public FieldTally(SiteInfo first, string delegateType)
        {
            FirstStore = first;
            LastStore = first;
            DelegateType = delegateType;
        }

        public SiteInfo FirstStore { get; }
        public SiteInfo LastStore { get; set; }
        public string DelegateType { get; }
        public int Stores;
        public int Clears;
        public int StillAttached;
        public long Bytes;
    }

    public static List<HandlerLeak> Find(AnalysisContext context)
    {
        var fields = new Dictionary<(string Assembly, string Name), FieldTally>();
        // Decided once per site: a million binds must not each re-read type names.
        var bySite = new Dictionary<int, FieldTally?>();
        foreach (var e in context.Events)
        {
            if (e.Kind != EventKind.Bind)
                continue;
            if (!bySite.TryGetValue(e.Site, out var tally))
                bySite[e.Site] = tally = TallyOf(context, fields, e);
            if (tally is null)
                continue;
            if (e.ObjectId == 0)
            {
                tally.Clears++;
                continue;
            }
            tally.Stores++;
            tally.LastStore = context.Site(e.Site)!;
        }
        if (fields.Count == 0)
            return new List<HandlerLeak>();

        // Delegates a field still holds: their holding by the field was never ended by an overwrite or a collection.
        foreach (var obj in context.Report.Objects)
        {
            foreach (var holding in obj.Holdings)
            {
                if (holding.EndReason != HoldingEnd.StillHeld || holding.Site.Kind != SiteKind.Field || holding.Site.Name is not { } name ||
                    !fields.TryGetValue((holding.Site.Assembly, name), out var tally))
                    continue;
                tally.StillAttached++;
                tally.Bytes += obj.AllocatedAt is null ? 0 : obj.Size;
            }
        }

        var leaks = new List<HandlerLeak>();
        foreach (var ((_, name), tally) in fields)
        {
            if (tally.Stores >= context.Options.HandlerMinStores && tally.Clears == 0 && tally.StillAttached > 0)
                leaks.Add(new HandlerLeak(name, tally.DelegateType, tally.Stores, tally.StillAttached, tally.Bytes, tally.FirstStore, tally.LastStore));
        }
        leaks.Sort((a, b) => b.Stores != a.Stores ? b.Stores.CompareTo(a.Stores) : string.CompareOrdinal(a.Field, b.Field));
        return leaks;
    }

    /// <summary>The tally of the field a site stores to, shared by every site that stores to it; null when it is not a delegate field.</summary>
    private static FieldTally? TallyOf(AnalysisContext context, Dictionary<(string, string), FieldTally> fields, RecordedEvent e)
    {
        if (context.Site(e.Site) is not { Kind: SiteKind.Field, Name: { } name } site)
            return null;
        var key = (site.Assembly, name);
        if (fields.TryGetValue(key, out var tally))
            return tally;
        string? held = e.ObjectId != 0 && context.ObjectsById.TryGetValue(e.ObjectId, out var obj) ? obj.TypeName : null;
        string? delegateType = DelegateNames.LooksLikeDelegate(site.DeclaredType) ? site.DeclaredType
            : DelegateNames.LooksLikeDelegate(held) ? held : null;
        if (delegateType is null)
            return null;
        fields[key] = tally = new FieldTally(site, delegateType);
        return tally;
    }
}
