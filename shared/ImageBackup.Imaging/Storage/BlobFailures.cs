using Azure;

namespace ImageBackup.Imaging.Storage;

/// <summary>Maps Azure SDK failures to the store exceptions the CLI understands, so SAS and network problems get their own exit codes.</summary>
internal static class BlobFailures
{
    /// <summary>Returns the store exception for <paramref name="failure"/>, or null when it should propagate unchanged.</summary>
    public static Exception? Translate(Exception failure, string store) => failure switch
    {
        RequestFailedException { Status: 403 } e =>
            new ChunkStoreAccessDeniedException($"{store} refused the credentials (403 {e.ErrorCode}): the SAS is wrong, expired or lacks a permission", e),
        RequestFailedException { Status: 404, ErrorCode: "ContainerNotFound" } e =>
            new ChunkStoreUnavailableException($"container {store} does not exist", e),
        RequestFailedException { Status: 0 or >= 500 } e =>
            new ChunkStoreUnavailableException($"{store} is unreachable: {e.Message}", e),
        HttpRequestException e => new ChunkStoreUnavailableException($"{store} is unreachable: {e.Message}", e),
        AggregateException { InnerException: { } inner } => Translate(inner, store),
        _ => null,
    };
}
