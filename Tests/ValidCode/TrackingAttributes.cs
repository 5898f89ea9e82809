using System;

// The corpus stands alone: it declares the MemScope attributes the way MemScope.Runtime does.

[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method |
                AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class TrackedAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor |
                AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class NotTrackedAttribute : Attribute
{
}
