namespace ImageBackup.Agent.Daemon;

/// <summary>
/// Exponential back-off with jitter for transient HTTP failures, so thousands of agents that lost the service at the
/// same moment do not come back in lock-step.
/// </summary>
/// <param name="Initial">The first delay.</param>
/// <param name="Max">The longest delay.</param>
public sealed record RetryPolicy(TimeSpan Initial, TimeSpan Max)
{
    /// <summary>1 s doubling up to 1 min: the defaults of the daemon.</summary>
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry): between half and all of the doubled delay.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var doubled = Initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var ceiling = Math.Min(doubled, Max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
