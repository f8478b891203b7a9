using ImageBackup.Domain.Retention;

namespace ImageBackup.Domain.Tests.Retention;

[TestClass]
public sealed class RetentionPolicyPropertyTests
{
    private const int Cases = 3000;
    private const int DropCases = 400;

    [TestMethod]
    public void The_kept_set_is_exactly_what_the_plans_promise_for_random_plans_and_histories()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            // Arrange
            var history = RandomHistory.Create(seed);
            var promised = RetentionOracle.Promised(history.Plans, history.WholeNights);

            // Act
            var decision = RetentionPolicy.Keep(history.Plans, history.Generations);

            // Assert
            var expectedIds = promised.Keys.Select(History.IdOf).Order(StringComparer.Ordinal).ToList();
            var keptIds = decision.Kept.Select(k => k.Id).Order(StringComparer.Ordinal).ToList();
            CollectionAssert.AreEqual(expectedIds, keptIds, $"seed {seed}, plans {string.Join('+', history.Plans)}");
            var wrongPlans = decision.Kept.Where(k => !promised[k.Night].SequenceEqual(k.KeptBy)).Select(k => k.Id).ToList();
            Assert.IsEmpty(wrongPlans, $"seed {seed}: wrong plans named");
        }
    }

    [TestMethod]
    public void A_promised_generation_is_never_deleted_and_every_other_one_is()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            // Arrange
            var history = RandomHistory.Create(seed);
            var promised = RetentionOracle.Promised(history.Plans, history.WholeNights).Keys.Select(History.IdOf).ToHashSet();

            // Act
            var decision = RetentionPolicy.Keep(history.Plans, history.Generations);

            // Assert
            Assert.IsFalse(decision.Delete.Any(promised.Contains), $"seed {seed}: deletes a promised generation");
            var all = history.Generations.Select(g => g.Id).Order(StringComparer.Ordinal).ToList();
            var both = decision.Kept.Select(k => k.Id).Concat(decision.Delete).Order(StringComparer.Ordinal).ToList();
            CollectionAssert.AreEqual(all, both, $"seed {seed}: kept and deleted must split the generations");
        }
    }

    [TestMethod]
    public void Each_kept_generation_drops_out_on_the_night_a_simulation_of_nightly_successes_drops_it()
    {
        for (var seed = 0; seed < DropCases; seed++)
        {
            // Arrange
            var history = RandomHistory.Create(seed);
            var dropped = SimulateDrops(history);

            // Act
            var decision = RetentionPolicy.Keep(history.Plans, history.Generations, history.LastNight);

            // Assert
            var wrong = decision.Kept.Where(k => dropped[k.Night] != (k.DropsOn, k.KeptLongestBy)).Select(k => k.Id).ToList();
            Assert.IsEmpty(wrong, $"seed {seed}: wrong drop-out night or plan");
        }
    }

    /// <summary>Adds a whole generation every night after the history and notes when each promised night stops being promised.</summary>
    private static Dictionary<DateOnly, (DateOnly Night, string Plan)> SimulateDrops(RandomHistory history)
    {
        var nights = history.WholeNights.ToList();
        var promised = RetentionOracle.Promised(history.Plans, nights);
        var dropped = new Dictionary<DateOnly, (DateOnly, string)>();
        for (var night = history.LastNight.AddDays(1); dropped.Count < promised.Count; night = night.AddDays(1))
        {
            nights.Add(night);
            var now = RetentionOracle.Promised(history.Plans, nights);
            foreach (var (kept, plans) in promised)
            {
                if (!dropped.ContainsKey(kept) && !now.ContainsKey(kept))
                {
                    dropped[kept] = (night, plans[0]);
                }
                else if (now.TryGetValue(kept, out var still))
                {
                    promised[kept] = still;
                }
            }
        }

        return dropped;
    }
}
