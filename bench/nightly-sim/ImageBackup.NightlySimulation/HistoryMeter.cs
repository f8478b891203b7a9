using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace ImageBackup.NightlySimulation;

/// <summary>
/// Measures the task hub's orchestration history in storage: rows and approximate bytes per instance (PartitionKey of
/// the <c>{hub}History</c> table), plus the large-message blobs DTFx offloads payloads over ~45 KB to.
/// </summary>
internal static class HistoryMeter
{
    /// <summary>One instance's history.</summary>
    public sealed record InstanceHistory(string InstanceId, int Rows, long Bytes);

    /// <summary>The history per instance, largest first, and the large-message blobs (count, bytes).</summary>
    public static async Task<(IReadOnlyList<InstanceHistory> Instances, int LargeMessages, long LargeMessageBytes)> MeasureAsync(string connectionString, string taskHub)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(taskHub + "History");
        var sizes = new Dictionary<string, (int Rows, long Bytes)>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(maxPerPage: 1000))
        {
            var bytes = 0L;
            foreach (var (name, value) in entity)
            {
                bytes += name.Length + value switch
                {
                    string text => System.Text.Encoding.UTF8.GetByteCount(text),
                    byte[] binary => binary.Length,
                    BinaryData data => data.ToMemory().Length,
                    null => 0,
                    _ => 8,
                };
            }
            sizes[entity.PartitionKey] = sizes.TryGetValue(entity.PartitionKey, out var sum) ? (sum.Rows + 1, sum.Bytes + bytes) : (1, bytes);
        }

        var largeCount = 0;
        var largeBytes = 0L;
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(taskHub.ToLowerInvariant() + "-largemessages");
        if (await container.ExistsAsync())
        {
            await foreach (var blob in container.GetBlobsAsync())
            {
                largeCount++;
                largeBytes += blob.Properties.ContentLength ?? 0;
            }
        }
        var instances = sizes.Select(s => new InstanceHistory(s.Key, s.Value.Rows, s.Value.Bytes)).OrderByDescending(i => i.Bytes).ToList();
        return (instances, largeCount, largeBytes);
    }
}
