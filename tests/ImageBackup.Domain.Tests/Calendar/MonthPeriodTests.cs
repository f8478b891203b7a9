using ImageBackup.Domain.Calendar;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Calendar;

[TestClass]
public sealed class MonthPeriodTests
{
    [TestMethod]
    [DataRow("2027-02-15", 3, "2027-05-14")]
    [DataRow("2027-02-01", 3, "2027-04-30")]
    [DataRow("2027-01-31", 3, "2027-04-30")]
    [DataRow("2027-01-30", 3, "2027-04-29")]
    [DataRow("2028-02-29", 3, "2028-05-28")]
    [DataRow("2027-11-30", 3, "2028-02-29")]
    [DataRow("2026-11-30", 3, "2027-02-28")]
    [DataRow("2027-11-29", 3, "2028-02-28")]
    [DataRow("2027-12-01", 3, "2028-02-29")]
    [DataRow("2027-10-31", 1, "2027-11-30")]
    public void A_period_of_months_ends_the_day_before_the_corresponding_day_or_on_the_last_day_of_a_short_month(
        string firstDay, int months, string lastDay)
    {
        var end = MonthPeriod.LastDayOfPeriod(Date(firstDay), months);

        Assert.AreEqual(Date(lastDay), end);
    }
}
