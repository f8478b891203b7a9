using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>
/// Mutates a real fixture's metadata (seeded, so any failing case can be replayed by its number) and checks that
/// opening, listing recursively and reading files either succeeds or ends in <see cref="CorruptImageException"/> /
/// <see cref="UnsupportedLayoutException"/>; each case runs on a watchdog thread that must finish, and the bytes it
/// allocates are capped.
/// </summary>
internal static class FuzzHarness
{
    private const int MaxEntries = 12_000;
    private const int MaxFiles = 64;
    private const int MaxBytesPerFile = 256 * 1024;
    private const long MaxAllocatedBytes = 256L << 20;
    private static readonly TimeSpan Watchdog = TimeSpan.FromMinutes(2);

    /// <summary>A byte range that holds metadata, grouped so every kind of structure gets mutated.</summary>
    public sealed record Region(string Category, long Offset, int Length);

    /// <summary>Counts of how the cases ended.</summary>
    public sealed record Outcome(int Succeeded, int Corrupt, int Unsupported);

    public static Outcome Run(IRandomAccessSource image, IReadOnlyList<Region> regions, Func<IRandomAccessSource, IReadOnlyFileSystem> open, int seed, int cases)
    {
        var categories = regions.GroupBy(r => r.Category).Select(g => g.ToArray()).ToArray();
        int succeeded = 0, corrupt = 0, unsupported = 0;
        for (var number = 0; number < cases; number++)
        {
            var random = new Random(seed + number);
            var changes = new Dictionary<long, byte>();
            var mutations = random.Next(1, 5);
            for (var m = 0; m < mutations; m++)
            {
                var category = categories[random.Next(categories.Length)];
                var region = category[random.Next(category.Length)];
                var offset = region.Offset + random.Next(region.Length);
                var original = new byte[1];
                image.ReadAt(offset, original);
                switch (random.Next(5))
                {
                    case 0 or 1:
                        changes[offset] = (byte)(original[0] ^ (1 << random.Next(8)));
                        break;
                    case 2:
                        changes[offset] = (byte)random.Next(256);
                        break;
                    case 3:
                        changes[offset] = random.Next(2) == 0 ? (byte)0 : (byte)0xFF;
                        break;
                    default:
                        // A whole aligned field (2, 4 or 8 bytes) set to all zeros or all ones: huge counts, null pointers.
                        var width = 2 << random.Next(3);
                        var start = Math.Max(region.Offset, offset & ~(long)(width - 1));
                        var fill = random.Next(2) == 0 ? (byte)0 : (byte)0xFF;
                        for (var at = start; at < Math.Min(start + width, region.Offset + region.Length); at++)
                        {
                            changes[at] = fill;
                        }

                        break;
                }
            }

            Exception? failure = null;
            long allocated = 0;
            var thread = new Thread(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    Walk(open(new MutatedSource(image, changes)));
                }
                catch (Exception exception)
                {
                    failure = exception;
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            });
            thread.Start();
            if (!thread.Join(Watchdog))
            {
                Assert.Fail($"Fuzz case {number} (seed {seed + number}) did not finish: a loop without a bound.");
            }

            Assert.IsTrue(allocated < MaxAllocatedBytes, $"Fuzz case {number} (seed {seed + number}) allocated {allocated} bytes.");
            switch (failure)
            {
                case null:
                    succeeded++;
                    break;
                case CorruptImageException:
                    corrupt++;
                    break;
                case UnsupportedLayoutException:
                    unsupported++;
                    break;
                default:
                    Assert.Fail($"Fuzz case {number} (seed {seed + number}) threw {failure}");
                    break;
            }
        }

        return new Outcome(succeeded, corrupt, unsupported);
    }

    private static void Walk(IReadOnlyFileSystem fileSystem)
    {
        _ = fileSystem.Label;
        _ = fileSystem.Warnings;
        var visited = new HashSet<ulong> { fileSystem.Root.NodeId };
        var pending = new Queue<FileEntry>([fileSystem.Root]);
        var buffer = new byte[64 * 1024];
        int entries = 0, files = 0;
        while (pending.Count > 0 && entries < MaxEntries)
        {
            foreach (var entry in fileSystem.List(pending.Dequeue()))
            {
                if (++entries >= MaxEntries)
                {
                    break;
                }

                switch (entry.Kind)
                {
                    case FileEntryKind.Directory when visited.Add(entry.NodeId):
                        pending.Enqueue(entry);
                        break;
                    case FileEntryKind.File when files++ < MaxFiles:
                        using (var stream = fileSystem.OpenRead(entry))
                        {
                            var total = 0;
                            int read;
                            while (total < MaxBytesPerFile && (read = stream.Read(buffer)) > 0)
                            {
                                total += read;
                            }
                        }

                        break;
                    case FileEntryKind.Symlink:
                        _ = fileSystem.ReadLinkTarget(entry);
                        break;
                }
            }
        }
    }
}
