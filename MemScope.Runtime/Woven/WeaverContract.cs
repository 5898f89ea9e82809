namespace MemScopeRuntime
{
    /// <summary>
    /// What MemScope.Fody writes into a woven assembly and MemScope.Runtime reads back: the runtime types the
    /// woven code calls, the site-table resource, its format version and the words for site kinds.
    /// This one file is compiled into both assemblies (MemScope.Fody links it; it targets netstandard2.0,
    /// so it stays plain C# 7.3 constants). Changing a value here changes both sides together.
    /// </summary>
    internal static class WeaverContract
    {
        /// <summary>The assembly woven code references.</summary>
        public const string RuntimeAssembly = "MemScope.Runtime";

        /// <summary>The static class whose methods the woven code calls.</summary>
        public const string ProbeType = "MemScopeRuntime.Probe";

        /// <summary>The static class of stand-ins for native-memory APIs that woven calls are redirected to.</summary>
        public const string NativeShimsType = "MemScopeRuntime.NativeShims";

        /// <summary>The attribute the weaver puts on types whose disposal it wove.</summary>
        public const string RecordsDisposalAttributeType = "MemScopeRuntime.RecordsDisposalAttribute";

        /// <summary>The interface of classes that carry an injected id field.</summary>
        public const string TrackedObjectInterface = "MemScopeRuntime.ITrackedObject";

        /// <summary>The manifest resource holding a woven assembly's site table.</summary>
        public const string SiteTableResource = "MemScope.Sites.json";

        /// <summary>The version of the site-table format the weaver writes and the runtime reads.</summary>
        public const int SiteTableFormat = 1;

        /// <summary>The "kind" word of each site in the site table.</summary>
        internal static class SiteKinds
        {
            /// <summary>An allocation (newobj, newarr, or an allocating API call).</summary>
            public const string Alloc = "alloc";

            /// <summary>A store to a named local, also a hoisted or captured one.</summary>
            public const string Local = "local";

            /// <summary>A store to a tracked field.</summary>
            public const string Field = "field";

            /// <summary>The end of a local's scope.</summary>
            public const string ScopeEnd = "scopeEnd";

            /// <summary>A disposal entry point of a tracked disposable type.</summary>
            public const string Dispose = "dispose";

            /// <summary>A call on a disposable or SafeHandle in tracked code.</summary>
            public const string Call = "call";

            /// <summary>A call to a native-memory API routed through a shim.</summary>
            public const string Native = "native";

            /// <summary>A call to a DllImport or LibraryImport method.</summary>
            public const string PInvoke = "pinvoke";

            /// <summary>The finalizer of a tracked disposable type.</summary>
            public const string Finalizer = "finalizer";

            /// <summary>An event subscription or unsubscription.</summary>
            public const string Event = "event";
        }
    }
}
