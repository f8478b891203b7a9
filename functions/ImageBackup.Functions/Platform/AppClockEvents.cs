namespace ImageBackup.Functions.Platform;

/// <summary>
/// Orchestrations whose timers follow the app's clock listen for this event; the local host raises it to them when it
/// starts with a clock override, so a test that moves the clock also moves their deadlines. Azure never raises it.
/// </summary>
public static class AppClockEvents
{
    /// <summary>The event name.</summary>
    public const string ChangedEvent = "AppClockChanged";

    /// <summary>Instance id prefixes of the orchestrations that listen for it.</summary>
    public static IReadOnlyList<string> ListeningInstancePrefixes { get; } = ["contract-"];
}
