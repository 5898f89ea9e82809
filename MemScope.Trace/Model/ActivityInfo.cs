namespace MemScopeTrace.Model;

/// <summary>What a report says about one System.Diagnostics.Activity (a request, an operation).</summary>
public sealed record ActivityInfo(long Id, string OperationName, string? TraceId, string? SpanId, string? ParentSpanId);
