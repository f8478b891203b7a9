using System.Globalization;
using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ImageBackup.NightlySimulation;

/// <summary>
/// Checks the promise of a night after the fact, per server: exactly one generation of the night listed for the
/// customer (none lost, none twice) and exactly one manifest of the night stored in the contract's container.
/// </summary>
internal static class GenerationAudit
{
    private const int Concurrency = 16;

    /// <summary>What the audit found: servers checked, with one generation, with none, with more than one listed or stored.</summary>
    public sealed record Result(int Checked, int ExactlyOne, int Lost, int Duplicated, IReadOnlyList<string> Examples);

    /// <summary>Audits every server of <paramref name="fleet"/> for <paramref name="night"/>.</summary>
    public static async Task<Result> RunAsync(ServiceApi api, Fleet fleet, DateOnly night, string storage)
    {
        var blobs = string.IsNullOrEmpty(storage) ? null : new BlobServiceClient(storage);
        var date = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        int one = 0, lost = 0, duplicated = 0;
        var examples = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(fleet.Servers, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (server, _) =>
        {
            var (status, body) = await api.SendAsync(HttpMethod.Get, $"api/contracts/{server.ContractId}/backups", fleet.CustomerKey);
            var nights = status == HttpStatusCode.OK ? body.EnumerateArray().Select(b => b.GetProperty("night").GetString()).ToList() : [];
            var listed = status == HttpStatusCode.OK ? nights.Count(n => n == date) : -1;
            // Generation ids carry the agent's real clock, not the host's simulated night: the night's manifests are the
            // container's manifests less those of other nights still kept (a commit deletes manifests no record names).
            var stored = blobs is null ? listed : await CountManifestsAsync(blobs, server.ContractId) - nights.Count(n => n != date);
            if (listed == 1 && stored == 1)
            {
                Interlocked.Increment(ref one);
                return;
            }
            if (listed > 1 || stored > 1)
            {
                Interlocked.Increment(ref duplicated);
            }
            else
            {
                Interlocked.Increment(ref lost);
            }
            if (examples.Count < 10)
            {
                examples.Enqueue($"server {server.Index} ({server.ContractId}): {listed} listed, {stored} manifests stored for {date}");
            }
        });
        return new Result(fleet.Servers.Count, one, lost, duplicated, examples.ToList());
    }

    private static async Task<int> CountManifestsAsync(BlobServiceClient blobs, string contractId)
    {
        var container = blobs.GetBlobContainerClient(contractId.ToLowerInvariant());
        var count = 0;
        if (!await container.ExistsAsync())
        {
            return 0;
        }
        await foreach (BlobItem _ in container.GetBlobsAsync(new GetBlobsOptions { Prefix = "generations/" }))
        {
            count++;
        }
        return count;
    }
}
