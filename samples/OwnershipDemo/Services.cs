/// <summary>Immutable settings, safe to share between any number of holders.</summary>
internal sealed class RetryPolicy
{
    public RetryPolicy(int maxAttempts, int backoffMilliseconds)
    {
        MaxAttempts = maxAttempts;
        BackoffMilliseconds = backoffMilliseconds;
    }

    public int MaxAttempts { get; }

    public int BackoffMilliseconds { get; }

    public override string ToString() => $"{MaxAttempts} attempts, {BackoffMilliseconds} ms backoff";
}

/// <summary>Submits orders; holds the shared policy in a tracked field.</summary>
[Tracked]
internal sealed class OrderService
{
    private readonly RetryPolicy _policy;

    public OrderService(RetryPolicy policy) => _policy = policy;

    public RetryPolicy Policy => _policy;

    public string Submit(string orderId) => $"orders: submitted {orderId} ({_policy})";
}

/// <summary>Charges orders; holds the same shared policy in its own tracked field.</summary>
[Tracked]
internal sealed class BillingService
{
    private readonly RetryPolicy _policy;

    public BillingService(RetryPolicy policy) => _policy = policy;

    public RetryPolicy Policy => _policy;

    public string Charge(string orderId, decimal amount) =>
        $"billing: charged {orderId} {amount.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)} ({_policy})";
}
