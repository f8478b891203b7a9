using ImageBackup.Domain.Billing;

namespace ImageBackup.Domain.Tests.Billing;

[TestClass]
public sealed class PerDayFeeTests
{
    [TestMethod]
    [DataRow(10_000L, 14, 28, 5_000L)]
    [DataRow(10_000L, 1, 29, 344L)]
    [DataRow(5_000L, 11, 30, 1_833L)]
    [DataRow(10_000L, 22, 31, 7_096L)]
    [DataRow(35_000L, 1, 31, 1_129L)]
    [DataRow(30_000L, 29, 29, 30_000L)]
    [DataRow(10_000L, 0, 31, 0L)]
    public void A_per_day_fee_is_the_monthly_fee_times_days_over_days_in_month_rounded_down(long monthlyFee, int days, int daysInMonth, long expected)
    {
        var amount = PerDayFee.For(monthlyFee, days, daysInMonth);

        Assert.AreEqual(expected, amount);
    }

    [TestMethod]
    [DataRow(28)]
    [DataRow(29)]
    [DataRow(30)]
    [DataRow(31)]
    public void A_whole_month_costs_exactly_the_monthly_fee_whatever_its_length(int daysInMonth)
    {
        var amount = PerDayFee.For(35_000L, daysInMonth, daysInMonth);

        Assert.AreEqual(35_000L, amount);
    }

    [TestMethod]
    public void More_days_than_the_month_has_is_refused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PerDayFee.For(10_000L, 31, 30));
    }
}
