using ImageBackup.Domain.Plans;

namespace ImageBackup.Domain.Tests.Plans;

[TestClass]
public sealed class PlanCatalogTests
{
    [TestMethod]
    [DataRow("backup-D3", 10_000L, 5_000L, ScheduleKind.Daily, 3)]
    [DataRow("backup-D7", 10_000L, 10_000L, ScheduleKind.Daily, 7)]
    [DataRow("backup-D14", 10_000L, 20_000L, ScheduleKind.Daily, 14)]
    [DataRow("backup-W4", 10_000L, 5_000L, ScheduleKind.Weekly, 4)]
    [DataRow("backup-M6", 10_000L, 10_000L, ScheduleKind.Monthly, 6)]
    [DataRow("backup-HKD-100", 10_000L, 30_000L, ScheduleKind.Remote, 1)]
    [DataRow("backup-HKD-200", 10_000L, 35_000L, ScheduleKind.Remote, 1)]
    public void Each_plan_carries_the_fees_and_retention_of_the_specification(
        string code, long initialFee, long monthlyFee, ScheduleKind schedule, int generations)
    {
        var plan = PlanCatalog.Get(code);

        Assert.AreEqual(initialFee, plan.InitialFee);
        Assert.AreEqual(monthlyFee, plan.MonthlyFee);
        Assert.AreEqual(schedule, plan.Schedule);
        Assert.AreEqual(generations, plan.Generations);
    }

    [TestMethod]
    public void The_catalog_holds_exactly_seven_plans_with_unique_codes()
    {
        var codes = PlanCatalog.All.Select(p => p.Code).ToList();

        Assert.HasCount(7, codes);
        Assert.HasCount(7, codes.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    [TestMethod]
    public void Only_remote_plans_have_a_quota_of_100_or_200_gigabytes()
    {
        Assert.AreEqual(100_000_000_000L, PlanCatalog.Get("backup-HKD-100").RemoteQuotaBytes);
        Assert.AreEqual(200_000_000_000L, PlanCatalog.Get("backup-HKD-200").RemoteQuotaBytes);
        Assert.IsTrue(PlanCatalog.All.Where(p => !p.IsRemote).All(p => p.RemoteQuotaBytes is null));
    }

    [TestMethod]
    public void Plan_codes_are_found_regardless_of_case()
    {
        Assert.IsTrue(PlanCatalog.TryFind("BACKUP-d7", out var plan));
        Assert.AreEqual("backup-D7", plan.Code);
        Assert.IsFalse(PlanCatalog.TryFind("backup-D8", out _));
    }
}
