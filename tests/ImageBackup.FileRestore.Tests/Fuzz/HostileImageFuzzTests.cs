using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Restore;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Volumes;

namespace ImageBackup.FileRestore.Tests.Fuzz;

[TestClass]
public sealed class HostileImageFuzzTests
{
    private const int Seed = 20261125;
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);
    private const long HeapLimit = 768L << 20;

    /// <summary>Cases to run: 2,400 by default, FILE_RESTORE_FUZZ_CASES to change; a failing case prints its seed.</summary>
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("FILE_RESTORE_FUZZ_CASES"), out var n) ? n : 2400;

    [TestMethod]
    [DoNotParallelize]
    public void Random_byte_flips_in_the_metadata_of_real_images_end_in_a_listing_or_a_clear_error_and_never_write_outside_the_target()
    {
        // Arrange
        using var work = new TempDirectory("file-restore-fuzz-");
        var images = FuzzImages.Build(work.Combine("images"));
        var regions = images.Select(image => MetadataReads(image.Bytes, work.Combine("clean-" + image.Name))).ToList();
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();

        // Act
        for (var index = 0; index < Cases && failures.Count < 5; index++)
        {
            var which = index % images.Count;
            var (name, bytes) = images[which];
            var random = new Random(Seed + index);
            var undo = Mutate(bytes, regions[which], random);
            var caseRoot = Directory.CreateDirectory(work.Combine($"case-{index}")).FullName;
            var target = Directory.CreateDirectory(Path.Combine(caseRoot, "target")).FullName;
            using var cancellation = new CancellationTokenSource(Watchdog);
            var restore = index % 8 == 0;
            var run = Task.Run(() => RunCase(bytes, target, restore, cancellation.Token));
            if (!run.Wait(Watchdog + TimeSpan.FromSeconds(5)))
            {
                failures.Add($"case {index} ({name}, seed {Seed + index}): no result within {Watchdog.TotalSeconds} s (hang)");
                break;
            }
            var outcome = run.Result;
            if (outcome.StartsWith("FAIL", StringComparison.Ordinal))
            {
                failures.Add($"case {index} ({name}, seed {Seed + index}): {outcome}");
            }
            outcomes[outcome.Split(':')[0]] = outcomes.GetValueOrDefault(outcome.Split(':')[0]) + 1;
            var outside = Directory.EnumerateFileSystemEntries(caseRoot).Select(Path.GetFileName).Where(n => n != "target").ToList();
            if (outside.Count > 0)
            {
                failures.Add($"case {index} ({name}, seed {Seed + index}): wrote outside the target: {string.Join(", ", outside)}");
            }
            if (GC.GetTotalMemory(false) > HeapLimit && GC.GetTotalMemory(true) > HeapLimit)
            {
                failures.Add($"case {index} ({name}, seed {Seed + index}): managed heap above {HeapLimit >> 20} MiB");
            }
            foreach (var (offset, original) in undo)
            {
                bytes[offset] = original;
            }
            DeleteTree(caseRoot);
        }

        // Assert
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.IsTrue(outcomes.GetValueOrDefault("listed") > 0 && outcomes.GetValueOrDefault("corrupt") > 0,
            "both clean listings and corrupt-image errors occurred: " + string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
    }

    private static string RunCase(byte[] image, string target, bool restore, CancellationToken cancellationToken)
    {
        try
        {
            var source = new MemorySource(image);
            var volumes = VolumeDiscovery.Discover(source);
            var result = "listed";
            foreach (var volume in volumes.Volumes.Where(v => v.Refusal is null))
            {
                try
                {
                    var fileSystem = FileSystemFactory.Open(volume);
                    _ = fileSystem.Label;
                    _ = fileSystem.Warnings.Count;
                    if (restore)
                    {
                        new FileRestorer().Restore(fileSystem, fileSystem.Root, volume.Name.Replace('/', '_'), target, new FileRestoreReport(), cancellationToken);
                    }
                    else
                    {
                        Walk(fileSystem, fileSystem.Root, new HashSet<ulong>(), 0, cancellationToken);
                    }
                }
                catch (CorruptImageException)
                {
                    result = "corrupt";
                }
                catch (UnsupportedLayoutException)
                {
                    result = "unsupported";
                }
                catch (TargetExistsException)
                {
                    result = "duplicate-name";
                }
            }
            return result;
        }
        catch (CorruptImageException)
        {
            return "corrupt";
        }
        catch (UnsupportedLayoutException)
        {
            return "unsupported";
        }
        catch (Exception e)
        {
            return $"FAIL: {e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
    }

    /// <summary>Lists every directory and reads every file (first MiB) and link, as ls and restore-files would, without writing.</summary>
    private static void Walk(IReadOnlyFileSystem fileSystem, FileEntry directory, HashSet<ulong> seen, int depth, CancellationToken cancellationToken)
    {
        if (depth > 64 || !seen.Add(directory.NodeId))
        {
            throw new CorruptImageException("directory loop");
        }
        var buffer = new byte[64 << 10];
        foreach (var entry in fileSystem.List(directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (entry.Kind)
            {
                case FileEntryKind.Directory:
                    Walk(fileSystem, entry, seen, depth + 1, cancellationToken);
                    break;
                case FileEntryKind.File:
                    using (var stream = fileSystem.OpenRead(entry))
                    {
                        for (var total = 0; total < (1 << 20) && stream.Read(buffer) is var read && read > 0; total += read)
                        {
                        }
                    }
                    break;
                case FileEntryKind.Symlink:
                    _ = fileSystem.ReadLinkTarget(entry);
                    break;
            }
        }
    }

    private static List<(long Offset, int Length)> MetadataReads(byte[] image, string target)
    {
        Directory.CreateDirectory(target);
        var recording = new RecordingSource(new MemorySource(image));
        foreach (var volume in VolumeDiscovery.Discover(recording).Volumes.Where(v => v.Refusal is null))
        {
            var fileSystem = FileSystemFactory.Open(volume);
            new FileRestorer().Restore(fileSystem, fileSystem.Root, volume.Name.Replace('/', '_'), target, new FileRestoreReport());
        }
        var reads = recording.Reads.Where(r => r.Length <= 4096).Distinct().ToList();
        Assert.IsTrue(reads.Count > 20, $"{reads.Count} metadata reads recorded");
        return reads;
    }

    private static List<(long Offset, byte Original)> Mutate(byte[] image, List<(long Offset, int Length)> regions, Random random)
    {
        var undo = new List<(long, byte)>();
        var mutations = random.Next(1, 9);
        for (var i = 0; i < mutations; i++)
        {
            var (offset, length) = regions[random.Next(regions.Count)];
            var at = offset + random.Next(length);
            undo.Add((at, image[at]));
            image[at] = random.Next(4) switch
            {
                0 => (byte)(image[at] ^ (1 << random.Next(8))),
                1 => 0xFF,
                2 => 0x00,
                _ => (byte)random.Next(256),
            };
        }
        undo.Reverse();
        return undo;
    }

    private static void DeleteTree(string path)
    {
        foreach (var directory in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories))
        {
            if (new DirectoryInfo(directory).LinkTarget is null)
            {
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        Directory.Delete(path, recursive: true);
    }
}
