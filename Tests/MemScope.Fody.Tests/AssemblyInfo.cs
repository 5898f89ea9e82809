// Leak scopes and the "events since the scenario started" filters see every thread: scenarios must not
// run concurrently with each other, as dotMemory Unit also requires of its checks.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
