using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Paths;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.Tests.Reading;

[TestClass]
public sealed class GenerationSourceTests
{
    [TestMethod]
    public async Task A_captured_rhel6_generation_lists_and_reads_like_the_source_tree_fetching_only_part_of_the_image()
    {
        // Arrange
        using var work = new TempDirectory();
        var (store, manifest) = await Generations.CaptureAsync(Fixtures.Rhel6.DiskPath, work.Combine("store"));
        using var source = await GenerationSource.OpenAsync(store, manifest.GenerationId);

        // Act
        var volumes = VolumeDiscovery.Discover(source);
        var root = FileSystemFactory.Open(volumes.Find("vg_root/lv_root"));
        var files = TreeAssert.SameContent(root, Fixtures.Rhel6.RootSource, compareMetadata: true);

        // Assert
        Assert.IsTrue(files >= 9);
        Assert.AreEqual(4, volumes.Volumes.Count);
        Assert.IsTrue(source.BytesFetched < manifest.ImageSize / 2, $"{source.BytesFetched} of {manifest.ImageSize} bytes fetched");
    }

    [TestMethod]
    public async Task Reading_one_file_fetches_little_more_than_the_file()
    {
        // Arrange
        using var work = new TempDirectory();
        var (store, manifest) = await Generations.CaptureAsync(Fixtures.Rhel6.DiskPath, work.Combine("store"));
        using var source = await GenerationSource.OpenAsync(store, manifest.GenerationId);
        var root = FileSystemFactory.Open(VolumeDiscovery.Discover(source).Find("vg_root/lv_root"));
        var file = PathResolver.Resolve(root, ["var", "www", "odd.bin"]);
        var before = source.BytesFetched;

        // Act
        using (var stream = root.OpenRead(file))
        {
            stream.CopyTo(Stream.Null, 1 << 20);
        }
        var fetched = source.BytesFetched - before;

        // Assert
        Assert.IsTrue(fetched >= file.Size - Generations.ChunkSize, $"{fetched} bytes fetched for a {file.Size}-byte file");
        Assert.IsTrue(fetched <= (file.Size * 1.2) + (2 * Generations.ChunkSize), $"{fetched} bytes fetched for a {file.Size}-byte file");
    }

    [TestMethod]
    public async Task Zero_runs_are_answered_without_fetching_anything()
    {
        // Arrange
        using var work = new TempDirectory();
        var (store, manifest) = await Generations.CaptureAsync(Fixtures.Rhel6.DiskPath, work.Combine("store"));
        var zero = manifest.Extents.First(e => e.IsZero && e.Length >= 8192);
        using var source = await GenerationSource.OpenAsync(store, manifest.GenerationId);
        var buffer = new byte[8192];
        Array.Fill(buffer, (byte)0xAA);

        // Act
        source.ReadAt(zero.Offset, buffer);

        // Assert
        Assert.IsFalse(buffer.AsSpan().ContainsAnyExcept((byte)0));
        Assert.AreEqual(0, source.BytesFetched);
    }

    [TestMethod]
    public async Task The_chunk_cache_is_bounded_and_evicts_the_least_recently_used_chunk()
    {
        // Arrange
        using var work = new TempDirectory();
        var (store, manifest) = await Generations.CaptureAsync(Fixtures.Rhel6.DiskPath, work.Combine("store"));
        var data = manifest.Extents.Where(e => !e.IsZero).Take(6).ToList();
        using var source = new GenerationSource(store, manifest, new GenerationSourceOptions { CacheChunks = 4, ReadAheadChunks = 0 });
        var one = new byte[1];
        foreach (var extent in data)
        {
            source.ReadAt(extent.Offset, one);
        }
        var afterFirstPass = source.ChunksFetched;

        // Act
        source.ReadAt(data[^1].Offset, one);
        var afterRecent = source.ChunksFetched;
        source.ReadAt(data[0].Offset, one);
        var afterEvicted = source.ChunksFetched;

        // Assert
        Assert.AreEqual(6, afterFirstPass);
        Assert.AreEqual(6, afterRecent, "the most recent chunk is still cached");
        Assert.AreEqual(7, afterEvicted, "the oldest chunk was evicted and fetched again");
    }

    [TestMethod]
    public async Task Sequential_reads_of_64_KiB_or_more_fetch_the_next_chunks_ahead()
    {
        // Arrange
        using var work = new TempDirectory();
        var (store, manifest) = await Generations.CaptureAsync(Fixtures.Rhel6.DiskPath, work.Combine("store"));
        var run = DataRun(manifest);
        using var source = new GenerationSource(store, manifest, new GenerationSourceOptions { ReadAheadChunks = 3 });
        var buffer = new byte[Generations.ChunkSize];

        // Act
        source.ReadAt(run.Offset, buffer);
        source.ReadAt(run.Offset + buffer.Length, buffer);
        source.Dispose();

        // Assert
        Assert.AreEqual(5, source.ChunksFetched, "the two chunks read plus three ahead");
    }

    [TestMethod]
    public async Task Small_metadata_reads_never_read_ahead()
    {
        // Arrange
        using var work = new TempDirectory();
        var (store, manifest) = await Generations.CaptureAsync(Fixtures.Rhel6.DiskPath, work.Combine("store"));
        var run = DataRun(manifest);
        using var source = new GenerationSource(store, manifest, new GenerationSourceOptions { ReadAheadChunks = 3 });
        var buffer = new byte[1024];

        // Act
        source.ReadAt(run.Offset, buffer);
        source.ReadAt(run.Offset + buffer.Length, buffer);
        source.Dispose();

        // Assert
        Assert.AreEqual(1, source.ChunksFetched);
    }

    private static ImageBackup.Imaging.Manifests.ChunkExtent DataRun(ImageBackup.Imaging.Manifests.ImageManifest manifest) =>
        manifest.Extents.Select((e, i) => (e, i)).First(x => Enumerable.Range(x.i, 6).All(j => j < manifest.Extents.Count && !manifest.Extents[j].IsZero)).e;

    [TestMethod]
    public async Task Reading_past_the_end_of_a_generation_is_a_corrupt_image_error()
    {
        // Arrange
        using var work = new TempDirectory();
        var (store, manifest) = await Generations.CaptureAsync(Fixtures.Rhel6.DiskPath, work.Combine("store"));
        using var source = await GenerationSource.OpenAsync(store, manifest.GenerationId);

        // Act, Assert
        Assert.ThrowsExactly<CorruptImageException>(() => source.ReadAt(manifest.ImageSize - 10, new byte[20]));
    }
}
