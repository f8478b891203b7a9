using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Tests.Support;
using ImageBackup.FileRestore.Tests.Xfs;
using ImageBackup.FileRestore.UsedBlocks;
using ImageBackup.Imaging.Capture;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

[TestClass]
public sealed class DiskUsedRangeReaderFuzzTests
{
    public TestContext TestContext { get; set; } = null!;

    private const int Seed = 20261126;
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    /// <summary>Cases per fixture: 150 by default, USED_BLOCKS_FUZZ_CASES to change; a failing case prints its seed.</summary>
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("USED_BLOCKS_FUZZ_CASES"), out var n) ? n : 150;

    [TestMethod]
    [DoNotParallelize]
    public void Random_byte_flips_in_the_tables_and_allocation_maps_of_real_disks_end_in_sorted_used_ranges_or_a_clear_error()
    {
        // Arrange
        var fixtures = new[] { UsedBlockCases.MbrLvmExt4(), UsedBlockCases.GptXfsStriped(), UsedBlockCases.BareXfsV4(), UsedBlockCases.BareNtfs() };
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();

        // Act
        foreach (var (fixture, number) in fixtures.Select((f, i) => (f, i)))
        {
            using var image = new FileSource(fixture.DiskPath);
            var recording = new RecordingSource(image);
            new DiskUsedRangeReader().GetUsedRanges(new SourceStream(recording));
            var reads = recording.Reads.Distinct().ToList();
            for (var index = 0; index < Cases && failures.Count < 5; index++)
            {
                var seed = Seed + (number * 100_000) + index;
                var changes = Mutations(image, reads, new Random(seed));
                using var cancellation = new CancellationTokenSource(Watchdog);
                var run = Task.Run(() => RunCase(new MutatedSource(image, changes)));
                if (!run.Wait(Watchdog))
                {
                    failures.Add($"{Path.GetFileName(fixture.DiskPath)} seed {seed}: no result within {Watchdog.TotalSeconds} s (hang)");
                    break;
                }
                if (run.Result.StartsWith("FAIL", StringComparison.Ordinal))
                {
                    failures.Add($"{Path.GetFileName(fixture.DiskPath)} seed {seed}: {run.Result}");
                }
                outcomes[run.Result] = outcomes.GetValueOrDefault(run.Result) + 1;
            }
        }

        // Assert
        TestContext.WriteLine($"outcomes: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        Assert.IsEmpty(failures, string.Join("\n", failures));
        Assert.IsGreaterThan(1, outcomes.Count, $"outcomes: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
    }

    private static string RunCase(IRandomAccessSource disk)
    {
        try
        {
            var used = new DiskUsedRangeReader().GetUsedRanges(new SourceStream(disk));
            for (var i = 0; i < used.Count; i++)
            {
                if (used[i].Length <= 0 || used[i].Offset < 0 || used[i].End > disk.Length || (i > 0 && used[i].Offset <= used[i - 1].End))
                {
                    return $"FAIL: range {used[i]} is empty, unsorted, touching or outside the disk";
                }
            }
            return "ranges";
        }
        catch (InvalidDataException)
        {
            return "refused";
        }
        catch (Exception e)
        {
            return $"FAIL: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>1–8 bytes in the ranges a clean run read: one bit flipped, zeroed, saturated or random.</summary>
    private static Dictionary<long, byte> Mutations(IRandomAccessSource image, List<(long Offset, int Length)> reads, Random random)
    {
        var original = new byte[1];
        var changes = new Dictionary<long, byte>();
        for (var count = random.Next(1, 9); count > 0; count--)
        {
            var (offset, length) = reads[random.Next(reads.Count)];
            var position = offset + random.Next(length);
            image.ReadAt(position, original);
            changes[position] = (byte)(random.Next(4) switch
            {
                0 => original[0] ^ (1 << random.Next(8)),
                1 => 0,
                2 => 0xFF,
                _ => random.Next(256),
            });
        }
        return changes;
    }
}
