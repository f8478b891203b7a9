using Azure.Core;
using Azure.Storage.Blobs;

namespace ImageBackup.Imaging.Storage;

/// <summary>Opens a chunk store from the <c>--store</c> argument (a directory path or an http(s) container URL with SAS), so callers need not know the adapters.</summary>
public static class ChunkStoreFactory
{
    /// <summary>
    /// Opens the store named by <paramref name="storeArgument"/>. A local directory is created when
    /// <paramref name="createIfMissing"/> (capture), else it must exist (restore, verify). A blob store counts its
    /// requests in <paramref name="requests"/> when one is given.
    /// </summary>
    public static IChunkStore Open(string storeArgument, bool createIfMissing = false, HttpRequestTally? requests = null)
    {
        if (storeArgument.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || storeArgument.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return new BlobChunkStore(new BlobContainerClient(new Uri(storeArgument), BlobClientOptionsForChunks(requests)));
        }
        return new LocalDirectoryChunkStore(storeArgument, createIfMissing);
    }

    /// <summary>
    /// Client options for chunk traffic: exponential back-off retries and a per-try timeout sized for 1 MiB blobs; every
    /// try is counted in <paramref name="requests"/> when one is given.
    /// </summary>
    public static BlobClientOptions BlobClientOptionsForChunks(HttpRequestTally? requests = null)
    {
        var options = new BlobClientOptions();
        if (requests is not null)
        {
            options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        }

        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 6;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        return options;
    }
}
