namespace ImageBackup.Application.Captures;

/// <summary>The result of sending a capture command: its id and how long the window stays open, on the app's clock.</summary>
/// <param name="CaptureId">The attempt's id; empty when nothing was sent because the window is closed.</param>
/// <param name="Remaining">Time left until the deadline (zero when closed), so a durable timer can be set on any clock.</param>
public sealed record CommandSent(string CaptureId, TimeSpan Remaining)
{
    /// <summary>Whether a command went out.</summary>
    public bool Sent => CaptureId.Length > 0;
}
