using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.IO;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;
using ImageBackup.Imaging.Tests.FileSystems;
using ImageBackup.Imaging.Tests.Support;

namespace ImageBackup.Imaging.Tests.Storage;

[TestClass]
public sealed class LocalDirectoryChunkStoreTests
{
    private static readonly string SomeId = ChunkHash.Compute("some chunk"u8);

    [TestMethod]
    public async Task Putting_an_existing_chunk_again_reports_it_present_and_keeps_the_first_bytes()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);

        var created = await store.PutIfAbsentAsync(SomeId, new byte[] { 1, 2, 3 }, CancellationToken.None);
        var createdAgain = await store.PutIfAbsentAsync(SomeId, new byte[] { 9, 9, 9, 9 }, CancellationToken.None);

        Assert.IsTrue(created);
        Assert.IsFalse(createdAgain);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, File.ReadAllBytes(store.ChunkPath(SomeId)));
    }

    [TestMethod]
    public async Task Chunk_files_written_a_window_before_the_newest_leave_the_page_cache()
    {
        // Arrange: 100 chunk files, written back to disk (sync), so dropping their pages cannot be refused as dirty.
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var random = new Random(7);
        var ids = new List<string>();
        async Task PutAsync()
        {
            var content = new byte[256 * 1024];
            random.NextBytes(content);
            var id = ChunkHash.Compute(content);
            await store.PutIfAbsentAsync(id, content, CancellationToken.None);
            ids.Add(id);
        }
        for (var i = 0; i < 100; i++)
        {
            await PutAsync();
        }
        E2fsTools.RunSuccessfully("sync");

        // Act: a window's worth of newer chunk files and more.
        for (var i = 0; i < 100; i++)
        {
            await PutAsync();
        }

        // Assert: fincore (util-linux) finds none of the first 100 files' bytes in memory, and the newest ones there.
        var first = ids.Take(100).Select(store.ChunkPath).ToArray();
        var newest = ids.TakeLast(10).Select(store.ChunkPath).ToArray();
        Assert.AreEqual(0L, ResidentBytes(first), "chunk files written a window ago are dropped from the page cache");
        Assert.IsGreaterThan(0L, ResidentBytes(newest), "the newest chunk files are still cached (fincore sees pages)");
    }

    private static long ResidentBytes(string[] files) =>
        E2fsTools.RunSuccessfully("fincore", ["--bytes", "--noheadings", "--output", "RES", .. files])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Sum(line => long.Parse(line.Trim(), System.Globalization.CultureInfo.InvariantCulture));

    [TestMethod]
    public async Task A_leftover_temporary_file_of_a_killed_writer_does_not_count_as_a_chunk()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var chunkFolder = Path.GetDirectoryName(store.ChunkPath(SomeId))!;
        Directory.CreateDirectory(chunkFolder);
        File.WriteAllBytes(Path.Combine(chunkFolder, CreateOnceFile.TemporaryPrefix + Guid.NewGuid().ToString("N")), [1, 2]);

        var exists = await store.ExistsAsync(SomeId, CancellationToken.None);

        Assert.IsFalse(exists);
        Assert.IsEmpty(Stores.ChunkFiles(folder.File("store")));
    }

    [TestMethod]
    public async Task A_manifest_is_created_once_and_never_overwritten()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);
        var id = GenerationId.New(DateTimeOffset.UtcNow);

        var first = await store.PutManifestIfAbsentAsync(id, "{\"a\":1}"u8.ToArray(), CancellationToken.None);
        var second = await store.PutManifestIfAbsentAsync(id, "{\"b\":2}"u8.ToArray(), CancellationToken.None);

        Assert.IsTrue(first);
        Assert.IsFalse(second);
        CollectionAssert.AreEqual("{\"a\":1}"u8.ToArray(), await store.GetManifestAsync(id, CancellationToken.None));
        CollectionAssert.AreEqual(new[] { id }, (await store.ListGenerationsAsync(CancellationToken.None)).ToArray());
    }

    [TestMethod]
    public async Task Reading_a_missing_chunk_reports_it_as_missing()
    {
        using var folder = new TemporaryFolder();
        var store = Stores.Local(folder);

        var failure = await Assert.ThrowsExactlyAsync<DamagedChunkException>(() => store.GetAsync(SomeId, new byte[100], CancellationToken.None));

        Assert.Contains("missing", failure.Message);
    }

    [TestMethod]
    public void Opening_a_store_directory_that_does_not_exist_for_reading_fails_clearly()
    {
        using var folder = new TemporaryFolder();

        Assert.ThrowsExactly<ChunkStoreUnavailableException>(() => ChunkStoreFactory.Open(folder.File("nowhere")));
    }
}
