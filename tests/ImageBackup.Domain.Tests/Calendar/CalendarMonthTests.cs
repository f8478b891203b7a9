using ImageBackup.Domain.Calendar;

namespace ImageBackup.Domain.Tests.Calendar;

[TestClass]
public sealed class CalendarMonthTests
{
    [TestMethod]
    [DataRow("2027-02", 28)]
    [DataRow("2028-02", 29)]
    [DataRow("2100-02", 28)]
    [DataRow("2000-02", 29)]
    [DataRow("2027-04", 30)]
    [DataRow("2027-05", 31)]
    public void A_month_knows_how_many_days_it_has(string text, int days)
    {
        var month = CalendarMonth.Parse(text);

        Assert.AreEqual(days, month.DaysInMonth);
        Assert.AreEqual(days, month.LastDay.Day);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("2027-5")]
    [DataRow("2027-13")]
    [DataRow("2027-00")]
    [DataRow("27-05")]
    [DataRow("2027/05")]
    [DataRow("2027-05-01")]
    [DataRow(" 2027-05")]
    [DataRow("+027-05")]
    [DataRow("２０２７-05")]
    [DataRow(null)]
    public void A_malformed_month_is_not_read(string? text)
    {
        var ok = CalendarMonth.TryParse(text, out _);

        Assert.IsFalse(ok);
    }

    [TestMethod]
    public void Parsing_a_malformed_month_throws_a_format_exception()
    {
        Assert.ThrowsExactly<FormatException>(() => CalendarMonth.Parse("May 2027"));
    }

    [TestMethod]
    [DataRow("2027-12", "2028-01", "2027-11")]
    [DataRow("2027-01", "2027-02", "2026-12")]
    public void Months_step_across_year_ends(string text, string next, string previous)
    {
        var month = CalendarMonth.Parse(text);

        Assert.AreEqual(next, month.Next.ToString());
        Assert.AreEqual(previous, month.Previous.ToString());
    }

    [TestMethod]
    public void Months_order_by_year_then_month()
    {
        Assert.IsTrue(CalendarMonth.Parse("2027-12") < CalendarMonth.Parse("2028-01"));
        Assert.IsTrue(CalendarMonth.Parse("2028-01") > CalendarMonth.Parse("2027-12"));
    }

    [TestMethod]
    public void A_month_is_written_to_json_as_yyyy_MM_and_read_back()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(CalendarMonth.Parse("2027-05"));
        var back = System.Text.Json.JsonSerializer.Deserialize<CalendarMonth>("\"2028-02\"");

        Assert.AreEqual("\"2027-05\"", json);
        Assert.AreEqual(new CalendarMonth(2028, 2), back);
    }

    [TestMethod]
    public void A_malformed_month_in_json_is_refused()
    {
        Assert.ThrowsExactly<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<CalendarMonth>("\"2028-2\""));
    }
}
