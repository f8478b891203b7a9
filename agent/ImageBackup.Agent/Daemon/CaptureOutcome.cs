namespace ImageBackup.Agent.Daemon;

/// <summary>
/// The result of carrying out one command, kept in the command file until the service accepts the report, so a crash
/// after the capture reports the same generation instead of capturing again.
/// </summary>
/// <param name="GenerationId">The committed generation, when the capture succeeded.</param>
/// <param name="Reason">Why it failed, otherwise.</param>
/// <param name="ExitCode">The failure's exit code (agent/README.md), 0 on success.</param>
/// <param name="DurationSeconds">Wall time of the capture, when it ran.</param>
public sealed record CaptureOutcome(string? GenerationId, string? Reason, int ExitCode, double? DurationSeconds = null)
{
    /// <summary>Whether a generation was committed.</summary>
    public bool Succeeded => GenerationId is not null;

    /// <summary>A committed generation.</summary>
    public static CaptureOutcome Completed(string generationId, double? durationSeconds = null) => new(generationId, null, ExitCodes.Success, durationSeconds);

    /// <summary>A failure with its reason.</summary>
    public static CaptureOutcome Failed(string reason, int exitCode) => new(null, reason, exitCode);
}
