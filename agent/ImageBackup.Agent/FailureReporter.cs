using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Restore;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Agent;

/// <summary>Turns a failure into one clear "error:" line on stderr and its documented exit code, so operators and scripts see the same cause.</summary>
internal static class FailureReporter
{
    /// <summary>Prints <paramref name="failure"/> and returns the exit code for it.</summary>
    public static int Report(Exception failure)
    {
        var (code, message) = Classify(failure);
        System.Console.Error.WriteLine($"error: {message}");
        return code;
    }

    private static (int Code, string Message) Classify(Exception failure) => failure switch
    {
        SourceReadException e => (ExitCodes.SourceUnreadable, e.Message),
        AllocationMapException e => (ExitCodes.SourceUnreadable, e.Message + "; capture without --used-blocks-only"),
        ChunkStoreAccessDeniedException e => (ExitCodes.StoreAccessDenied, e.Message),
        ChunkStoreUnavailableException e => (ExitCodes.StoreUnreachable, e.Message),
        GenerationNotFoundException e => (ExitCodes.GenerationNotFound, e.Message),
        DamagedChunkException e => (ExitCodes.CorruptData, e.Message + "; nothing unverified was written"),
        InvalidDataException e => (ExitCodes.CorruptData, "damaged manifest: " + e.Message),
        TargetWriteException { DiskFull: true } e => (ExitCodes.TargetUnwritable, "target disk is full: " + e.Message),
        TargetWriteException e => (ExitCodes.TargetUnwritable, e.Message),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted: a capture commits no generation, a file restore leaves no target"),
        _ => (ExitCodes.InternalError, $"{failure.GetType().Name}: {failure.Message}"),
    };
}
