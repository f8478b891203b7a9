using ImageBackup.Domain.Calendar;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Calendar;

[TestClass]
public sealed class TokyoCalendarTests
{
    [TestMethod]
    [DataRow("2027-04-30T14:59:59Z", "2027-04-30")]
    [DataRow("2027-04-30T15:00:00Z", "2027-05-01")]
    [DataRow("2027-12-31T15:00:00Z", "2028-01-01")]
    [DataRow("2028-02-28T15:00:00Z", "2028-02-29")]
    [DataRow("2027-05-01T00:00:00+09:00", "2027-05-01")]
    public void An_instant_falls_on_its_Tokyo_date_not_its_UTC_date(string instant, string tokyoDate)
    {
        var date = TokyoCalendar.DateOf(Utc(instant));

        Assert.AreEqual(Date(tokyoDate), date);
    }

    [TestMethod]
    public void The_end_of_a_day_is_23_59_59_in_Tokyo()
    {
        var end = TokyoCalendar.EndOf(Date("2027-05-31"));

        Assert.AreEqual(Utc("2027-05-31T14:59:59Z"), end);
        Assert.AreEqual(TimeSpan.FromHours(9), end.Offset);
    }

    [TestMethod]
    public void The_start_of_a_day_is_midnight_in_Tokyo()
    {
        var start = TokyoCalendar.StartOf(Date("2027-05-01"));

        Assert.AreEqual(Utc("2027-04-30T15:00:00Z"), start);
    }
}
