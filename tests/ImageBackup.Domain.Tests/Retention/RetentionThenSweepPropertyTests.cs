using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Retention;

namespace ImageBackup.Domain.Tests.Retention;

[TestClass]
public sealed class RetentionThenSweepPropertyTests
{
    private const int Cases = 500;
    private static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    [TestMethod]
    public void After_retention_and_a_sweep_every_kept_pinned_or_new_chunk_is_still_there_and_nothing_else_old_is()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            // Arrange
            var history = RandomHistory.Create(seed);
            var random = new Random(seed);
            var store = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            var chunksOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var nextChunk = 0;
            foreach (var generation in history.Generations.OrderBy(g => g.Night))
            {
                var writtenAt = TokyoCalendar.StartOf(generation.Night).AddHours(1);
                var reused = store.Keys.Where(_ => random.Next(4) == 0).Take(20).ToList();
                var fresh = Enumerable.Range(0, random.Next(1, 6)).Select(_ => $"c{nextChunk++}").ToList();
                fresh.ForEach(id => store[id] = writtenAt);
                chunksOf[generation.Id] = [.. reused, .. fresh];
            }

            var mark = TokyoCalendar.StartOf(history.LastNight.AddDays(1)).AddHours(8);
            var afterMark = Enumerable.Range(0, random.Next(0, 4)).Select(_ => $"c{nextChunk++}").ToList();
            afterMark.ForEach(id => store[id] = mark.AddMinutes(random.Next(1, 600)));

            // Act
            var decision = RetentionPolicy.Keep(history.Plans, history.Generations);
            var pinned = decision.Delete.Count > 0 ? decision.Delete[random.Next(decision.Delete.Count)] : null;
            var kept = decision.Kept.SelectMany(k => chunksOf[k.Id]).ToHashSet(StringComparer.Ordinal);
            var inFlight = pinned is null ? [] : chunksOf[pinned];
            var chunks = store.Select(c => new ChunkInfo(c.Key, c.Value));
            var deleted = ChunkSweep.Plan(kept, inFlight, chunks, mark, Grace).ToHashSet(StringComparer.Ordinal);

            // Assert
            var needed = kept.Concat(inFlight).Concat(afterMark).ToHashSet(StringComparer.Ordinal);
            Assert.IsFalse(needed.Overlaps(deleted), $"seed {seed}: a needed chunk was swept");
            var leaked = store.Where(c => !needed.Contains(c.Key) && c.Value < mark - Grace && !deleted.Contains(c.Key)).ToList();
            Assert.IsEmpty(leaked, $"seed {seed}: an old unreferenced chunk was left behind");
        }
    }
}
