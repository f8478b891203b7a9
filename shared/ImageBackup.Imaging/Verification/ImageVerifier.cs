using System.Collections.Concurrent;
using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Restore;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Imaging.Verification;

/// <summary>Checks that every chunk of a generation is present (and, when asked, reads it back and re-hashes it), so damage is found before a restore is needed.</summary>
public sealed class ImageVerifier(IChunkStore store)
{
    /// <summary>Verifies generation <paramref name="generationId"/>; with <paramref name="readData"/> every distinct chunk is downloaded and re-hashed.</summary>
    public async Task<VerificationReport> VerifyAsync(string generationId, bool readData, int parallelism, CancellationToken cancellationToken = default)
    {
        var manifest = await ManifestReader.ReadStreamingAsync(store, generationId, cancellationToken);
        var distinct = manifest.Extents.Where(e => e.ChunkId is not null)
            .DistinctBy(e => e.ChunkId)
            .ToList();
        var bad = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        using var reader = new VerifiedChunkReader(store, manifest.ChunkSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(distinct, parallel, async (extent, token) =>
        {
            var id = extent.ChunkId!;
            try
            {
                if (readData)
                {
                    await reader.ReadAsync(id, extent.Length, _ => ValueTask.CompletedTask, token);
                }
                else if (!await store.ExistsAsync(id, token))
                {
                    bad[id] = "chunk is missing from the store";
                }
            }
            catch (DamagedChunkException e)
            {
                bad[id] = e.Reason;
            }
        });
        var problems = manifest.Extents
            .Where(e => e.ChunkId is not null && bad.ContainsKey(e.ChunkId))
            .Select(e => new ChunkProblem(generationId, e.Offset, e.ChunkId!, bad[e.ChunkId!]))
            .ToList();
        return new VerificationReport(generationId, distinct.Count, readData, problems);
    }
}
