using System;

// These attributes live in the global namespace so that `[Tracked]` needs no using directive,
// the way MethodTimer's `[Time]` does.

/// <summary>
/// Asks MemScope.Fody to record what the marked code does with objects: allocations,
/// the locals and fields that hold them, scope ends and collection.
/// On an assembly or type it applies to every member inside; on a property, to its accessors
/// and its backing field; on a field, to every store into that field.
/// </summary>
[AttributeUsage(
    AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct |
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property |
    AttributeTargets.Field,
    AllowMultiple = false, Inherited = false)]
public sealed class TrackedAttribute : Attribute
{
}

/// <summary>Opts a member or type out of tracking that an enclosing <see cref="TrackedAttribute"/> would apply.</summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method |
    AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Field,
    AllowMultiple = false, Inherited = false)]
public sealed class NotTrackedAttribute : Attribute
{
}

/// <summary>
/// Marks a constructor parameter whose disposable argument the new object owns: disposing the new object disposes it,
/// as <c>new StreamReader(stream)</c> disposes its stream. A leaked owner is then one leak, with what it owns listed under it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class TakesOwnershipAttribute : Attribute
{
}
