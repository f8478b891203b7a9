using ImageBackup.Domain.Retention;
using static ImageBackup.Domain.Tests.Retention.History;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Retention;

[TestClass]
public sealed class RetentionPolicyExampleTests
{
    private static readonly string[] D7W4M6 = ["backup-D7", "backup-W4", "backup-M6"];

    [TestMethod]
    public void D7_W4_M6_over_November_keep_the_last_week_four_Mondays_and_the_1st()
    {
        var generations = Nights(Date("2026-11-01"), Date("2026-11-30"));

        var decision = RetentionPolicy.Keep(D7W4M6, generations);

        string[] expected =
        [
            "g-20261130", "g-20261129", "g-20261128", "g-20261127", "g-20261126", "g-20261125", "g-20261124",
            "g-20261123", "g-20261116", "g-20261109", "g-20261101",
        ];
        CollectionAssert.AreEqual(expected, decision.Kept.Select(k => k.Id).ToList());
        Assert.HasCount(30 - 11, decision.Delete);
        Assert.AreEqual("g-20261102", decision.Delete[0]);
    }

    [TestMethod]
    [DataRow("g-20261130", "backup-D7,backup-W4", "backup-W4", "2026-12-28")]
    [DataRow("g-20261124", "backup-D7", "backup-D7", "2026-12-01")]
    [DataRow("g-20261123", "backup-W4", "backup-W4", "2026-12-21")]
    [DataRow("g-20261109", "backup-W4", "backup-W4", "2026-12-07")]
    [DataRow("g-20261101", "backup-M6", "backup-M6", "2027-05-01")]
    public void A_kept_generation_says_which_plans_keep_it_and_the_night_the_last_one_drops_it(
        string id, string keptBy, string longest, string dropsOn)
    {
        var generations = Nights(Date("2026-11-01"), Date("2026-11-30"));

        var kept = RetentionPolicy.Keep(D7W4M6, generations).Kept.Single(k => k.Id == id);

        CollectionAssert.AreEqual(keptBy.Split(','), kept.KeptBy.ToList());
        Assert.AreEqual(longest, kept.KeptLongestBy);
        Assert.AreEqual(Date(dropsOn), kept.DropsOn);
    }

    [TestMethod]
    public void A_Monday_that_is_the_1st_is_kept_by_daily_weekly_and_monthly_plans_until_the_monthly_one_drops_it()
    {
        var generations = Nights(Date("2027-01-01"), Date("2027-02-03"));

        var decision = RetentionPolicy.Keep(["backup-D3", "backup-W4", "backup-M6"], generations);

        var first = decision.Kept.Single(k => k.Id == "g-20270201");
        CollectionAssert.AreEqual(new[] { "backup-D3", "backup-W4", "backup-M6" }, first.KeptBy.ToList());
        Assert.AreEqual("backup-M6", first.KeptLongestBy);
        Assert.AreEqual(Date("2027-08-01"), first.DropsOn);
        CollectionAssert.AreEqual(
            new[] { "g-20270203", "g-20270202", "g-20270201", "g-20270125", "g-20270118", "g-20270111", "g-20270101" },
            decision.Kept.Select(k => k.Id).ToList());
    }

    [TestMethod]
    public void Failed_nights_are_not_counted_so_D3_keeps_three_generations_spanning_more_nights()
    {
        var generations = Nights(Date("2026-11-01"), Date("2026-11-10"), Date("2026-11-07"), Date("2026-11-09"), Date("2026-11-10"));

        var decision = RetentionPolicy.Keep(["backup-D3"], generations, lastNightDecided: Date("2026-11-10"));

        CollectionAssert.AreEqual(new[] { "g-20261108", "g-20261106", "g-20261105" }, decision.Kept.Select(k => k.Id).ToList());
        Assert.AreEqual(Date("2026-11-11"), decision.Kept[2].DropsOn);
        Assert.AreEqual(Date("2026-11-13"), decision.Kept[0].DropsOn);
    }

    [TestMethod]
    public void A_failed_Monday_is_not_replaced_so_W4_reaches_one_week_further_back()
    {
        var generations = Nights(Date("2026-11-01"), Date("2026-11-30"), Date("2026-11-23"));

        var decision = RetentionPolicy.Keep(["backup-W4"], generations);

        CollectionAssert.AreEqual(new[] { "g-20261130", "g-20261116", "g-20261109", "g-20261102" }, decision.Kept.Select(k => k.Id).ToList());
    }

    [TestMethod]
    public void A_generation_that_is_not_whole_counts_for_no_plan_and_is_deleted()
    {
        var generations = Nights(Date("2026-11-20"), Date("2026-11-24"));
        generations[^1] = Broken(Date("2026-11-24"));

        var decision = RetentionPolicy.Keep(["backup-HKD-100", "backup-D3"], generations);

        CollectionAssert.AreEqual(new[] { "g-20261123", "g-20261122", "g-20261121" }, decision.Kept.Select(k => k.Id).ToList());
        CollectionAssert.AreEqual(new[] { "backup-D3", "backup-HKD-100" }, decision.Kept[0].KeptBy.ToList());
        CollectionAssert.AreEqual(new[] { "g-20261120", "g-20261124" }, decision.Delete.ToList());
    }

    [TestMethod]
    public void The_remote_plan_alone_keeps_only_the_newest_generation_until_the_next_night()
    {
        var generations = Nights(Date("2026-11-20"), Date("2026-11-24"));

        var decision = RetentionPolicy.Keep(["backup-HKD-200"], generations);

        Assert.HasCount(1, decision.Kept);
        Assert.AreEqual("g-20261124", decision.Kept[0].Id);
        Assert.AreEqual(Date("2026-11-25"), decision.Kept[0].DropsOn);
    }

    [TestMethod]
    public void Plan_codes_are_matched_ignoring_case_and_duplicates_count_once()
    {
        var generations = Nights(Date("2026-11-20"), Date("2026-11-24"));

        var decision = RetentionPolicy.Keep(["BACKUP-d3", "backup-D3"], generations);

        Assert.HasCount(3, decision.Kept);
        CollectionAssert.AreEqual(new[] { "backup-D3" }, decision.Kept[0].KeptBy.ToList());
    }

    [TestMethod]
    public void No_plan_at_all_is_refused_rather_than_deleting_everything()
    {
        var generations = Nights(Date("2026-11-20"), Date("2026-11-24"));

        Assert.ThrowsExactly<ArgumentException>(() => RetentionPolicy.Keep([], generations));
    }

    [TestMethod]
    public void An_unknown_plan_code_is_refused()
    {
        Assert.ThrowsExactly<KeyNotFoundException>(() => RetentionPolicy.Keep(["backup-D8"], []));
    }

    [TestMethod]
    public void A_generation_listed_twice_is_refused()
    {
        var twice = new[] { Success(Date("2026-11-20")), Success(Date("2026-11-20")) };

        Assert.ThrowsExactly<ArgumentException>(() => RetentionPolicy.Keep(["backup-D3"], twice));
    }

    [TestMethod]
    public void A_last_decided_night_before_the_newest_generation_is_refused()
    {
        var generations = Nights(Date("2026-11-20"), Date("2026-11-24"));

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            RetentionPolicy.Keep(["backup-D3"], generations, lastNightDecided: Date("2026-11-23")));
    }

    [TestMethod]
    public void No_generations_means_nothing_kept_and_nothing_deleted()
    {
        var decision = RetentionPolicy.Keep(["backup-D7"], []);

        Assert.IsEmpty(decision.Kept);
        Assert.IsEmpty(decision.Delete);
    }
}
