using ImageBackup.Domain.Retention;

namespace ImageBackup.Domain.Tests.Retention;

[TestClass]
public sealed class ChunkSweepPropertyTests
{
    private const int Cases = 5000;

    [TestMethod]
    public void The_sweep_never_returns_a_referenced_or_recent_chunk_and_returns_every_other_one()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            // Arrange
            var random = new Random(seed);
            var mark = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 100_000));
            var grace = ChunkSweep.MinimumGrace + TimeSpan.FromMinutes(random.Next(0, 72 * 60));
            var chunks = new List<ChunkInfo>();
            var kept = new HashSet<string>();
            var inFlight = new HashSet<string>();
            var count = random.Next(0, 200);
            for (var i = 0; i < count; i++)
            {
                var id = $"c{random.Next(0, 300):x4}";
                var age = TimeSpan.FromMinutes(random.Next(-12 * 60, (int)(3 * grace.TotalMinutes)));
                chunks.Add(new ChunkInfo(id, mark - age));
                if (random.Next(5) < 2)
                {
                    kept.Add(id);
                }

                if (random.Next(5) == 0)
                {
                    inFlight.Add(id);
                }
            }

            // Act
            var deletable = ChunkSweep.Plan(kept, inFlight, chunks, mark, grace);

            // Assert
            var newestWrite = chunks.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.Max(c => c.LastModified));
            var unsafeIds = deletable
                .Where(id => kept.Contains(id) || inFlight.Contains(id) || mark - newestWrite[id] <= grace)
                .ToList();
            Assert.IsEmpty(unsafeIds, $"seed {seed}: referenced or written within the grace period");

            var expected = newestWrite
                .Where(c => !kept.Contains(c.Key) && !inFlight.Contains(c.Key) && mark - c.Value > grace)
                .Select(c => c.Key)
                .Order(StringComparer.Ordinal)
                .ToList();
            CollectionAssert.AreEqual(expected, deletable.ToList(), $"seed {seed}");
        }
    }
}
