using Azure.Core;
using Azure.Storage.Blobs;

namespace ImageBackup.Imaging.Storage;

/// <summary>Opens a chunk store from the <c>--store</c> argument (a directory path or an http(s) container URL with SAS), so callers need not know the adapters.</summary>
public static class ChunkStoreFactory
{
    /// <summary>
    /// Opens the store named by <paramref name="storeArgument"/>. A local directory is created when
    /// <paramref name="createIfMissing"/> (capture), else it must exist (restore, verify).
    /// </summary>
    public static IChunkStore Open(string storeArgument, bool createIfMissing = false)
    {
        if (storeArgument.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || storeArgument.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return new BlobChunkStore(new BlobContainerClient(new Uri(storeArgument), BlobClientOptionsForChunks()));
        }
        return new LocalDirectoryChunkStore(storeArgument, createIfMissing);
    }

    /// <summary>Client options for chunk traffic: exponential back-off retries and a per-try timeout sized for 1 MiB blobs.</summary>
    public static BlobClientOptions BlobClientOptionsForChunks()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 6;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        return options;
    }
}
