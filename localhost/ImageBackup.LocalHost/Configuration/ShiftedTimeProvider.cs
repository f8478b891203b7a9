namespace ImageBackup.LocalHost.Configuration;

/// <summary>A clock that starts at a chosen instant and moves on in real time, so local tests can live through any night or month end.</summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start, TimeProvider real) : TimeProvider
{
    private readonly TimeSpan shift = start - real.GetUtcNow();

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + shift;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;
}
