using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Agent.Daemon;

/// <summary>Turns a capture failure into the reason and exit code the daemon reports, worded like the CLI's error lines (agent/README.md).</summary>
internal static class CaptureFailures
{
    /// <summary>The report for <paramref name="failure"/>.</summary>
    public static CaptureOutcome Describe(Exception failure) => failure switch
    {
        SourceReadException e => CaptureOutcome.Failed("source unreadable: " + e.Message, ExitCodes.SourceUnreadable),
        AllocationMapException e => CaptureOutcome.Failed("source unreadable: " + e.Message + "; capture without --used-blocks-only", ExitCodes.SourceUnreadable),
        ChunkStoreAccessDeniedException e => CaptureOutcome.Failed("store refused the credentials: " + e.Message, ExitCodes.StoreAccessDenied),
        ChunkStoreUnavailableException e => CaptureOutcome.Failed("store unreachable: " + e.Message, ExitCodes.StoreUnreachable),
        DeadlinePassedException e => CaptureOutcome.Failed("deadline passed: " + e.Message, ExitCodes.Interrupted),
        _ => CaptureOutcome.Failed($"internal error: {failure.GetType().Name}: {failure.Message}", ExitCodes.InternalError),
    };
}
