using System.Text;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Tests.Support;

namespace ImageBackup.Imaging.Tests.Manifests;

[TestClass]
public sealed class StreamingManifestReaderTests
{
    private const string Generation = "20260101T000000Z-00000001";

    [TestMethod]
    public async Task A_manifest_larger_than_the_read_buffer_streams_to_the_same_manifest_as_the_in_memory_reader()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var json = ManifestJson(dataExtents: 3000, withZeroRuns: true);
        await store.PutManifestIfAbsentAsync(Generation, json, CancellationToken.None);

        var inMemory = await ManifestReader.ReadAsync(store, Generation, CancellationToken.None);
        var streamed = await ManifestReader.ReadStreamingAsync(store, Generation, CancellationToken.None);

        CollectionAssert.AreEqual(inMemory.Extents.ToArray(), streamed.Extents.ToArray());
        Assert.AreEqual(inMemory.Source, streamed.Source);
        Assert.AreEqual(inMemory.Totals, streamed.Totals);
        Assert.AreEqual(inMemory.ImageSize, streamed.ImageSize);
        Assert.AreEqual(inMemory.Extents[2999], streamed.Extents[2999]);
    }

    [TestMethod]
    public async Task The_streaming_reader_refuses_a_gap_between_extents_a_bad_chunk_id_and_truncated_json_like_the_in_memory_reader()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var good = Encoding.UTF8.GetString(ManifestJson(dataExtents: 3, withZeroRuns: false));
        string[] broken =
        [
            good.Replace("\"offset\":65536,", "\"offset\":65537,", StringComparison.Ordinal),
            good.Replace("\"chunkId\":\"", "\"chunkId\":\"X", StringComparison.Ordinal),
            good[..(good.Length / 2)],
            good.Replace("\"imageSize\":196608", "\"imageSize\":196609", StringComparison.Ordinal),
        ];

        for (var i = 0; i < broken.Length; i++)
        {
            var id = $"20260101T00000{i}Z-00000002";
            await store.PutManifestIfAbsentAsync(id, Encoding.UTF8.GetBytes(broken[i].Replace(Generation, id, StringComparison.Ordinal)), CancellationToken.None);

            await Assert.ThrowsExactlyAsync<InvalidDataException>(() => ManifestReader.ReadAsync(store, id, CancellationToken.None));
            await Assert.ThrowsExactlyAsync<InvalidDataException>(() => ManifestReader.ReadStreamingAsync(store, id, CancellationToken.None));
        }
    }

    private static byte[] ManifestJson(int dataExtents, bool withZeroRuns)
    {
        const int chunk = 65536;
        var random = new Random(1);
        var json = new StringBuilder($$"""{"formatVersion":1,"generationId":"{{Generation}}",""");
        var extents = new List<string>();
        long offset = 0;
        for (var i = 0; i < dataExtents; i++)
        {
            var id = new byte[32];
            random.NextBytes(id);
            extents.Add($$"""{"offset":{{offset}},"length":{{chunk}},"chunkId":"{{Convert.ToHexStringLower(id)}}"}""");
            offset += chunk;
            if (withZeroRuns && i % 7 == 3)
            {
                extents.Add($$"""{"offset":{{offset}},"length":{{3 * chunk}}}""");
                offset += 3 * chunk;
            }
        }
        json.Append($$"""
            "imageSize":{{offset}},"chunkSize":{{chunk}},"extents":[{{string.Join(',', extents)}}],
            """);
        json.Append("""
            "source":{"hostName":"h","operatingSystem":"o","sourcePath":"p","capturedAt":"2026-01-01T00:00:00+00:00","toolVersion":"t","usedBlocksOnly":false},
            """);
        json.Append($$$"""
            "totals":{"bytesRead":{{{offset}}},"dataChunks":{{{dataExtents}}},"newChunks":0,"newBytesStored":0,"zeroBytes":0}}
            """);
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
