using ImageBackup.Application.NightlyRuns;

namespace ImageBackup.Application.Captures;

/// <summary>The result of sending a capture command: its id and how long the window stays open, on the app's clock.</summary>
/// <param name="CaptureId">The attempt's id; empty when nothing was sent (the window is closed or the night is decided).</param>
/// <param name="Remaining">Time left until the deadline (zero when closed), so a durable timer can be set on any clock.</param>
/// <param name="DecidedStatus">The server's outcome when its night was already decided, so nothing was sent.</param>
/// <param name="DecidedDetail">The decided outcome's generation id or reason.</param>
public sealed record CommandSent(string CaptureId, TimeSpan Remaining, string? DecidedStatus = null, string? DecidedDetail = null)
{
    /// <summary>Whether a command went out.</summary>
    public bool Sent => CaptureId.Length > 0;

    /// <summary>Nothing sent because the server's night already has this outcome (a re-created or repeated send).</summary>
    public static CommandSent AlreadyDecided(ServerOutcome outcome) =>
        new("", TimeSpan.Zero, outcome.Status, outcome.GenerationId ?? outcome.Reason);
}
