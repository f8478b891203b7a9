using ImageBackup.Domain.Calendar;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Calendar;

[TestClass]
public sealed class DateSpanTests
{
    [TestMethod]
    public void A_span_is_cut_into_one_piece_per_calendar_month()
    {
        var span = new DateSpan(Date("2027-04-01"), Date("2027-05-14"));

        var pieces = span.SplitByMonth();

        Assert.HasCount(2, pieces);
        Assert.AreEqual(new DateSpan(Date("2027-04-01"), Date("2027-04-30")), pieces[0]);
        Assert.AreEqual(new DateSpan(Date("2027-05-01"), Date("2027-05-14")), pieces[1]);
    }

    [TestMethod]
    [DataRow("2027-05-01", "2027-05-01", 1)]
    [DataRow("2027-04-01", "2027-05-14", 44)]
    [DataRow("2028-02-01", "2028-02-29", 29)]
    public void A_span_counts_both_of_its_ends(string first, string last, int days)
    {
        var span = new DateSpan(Date(first), Date(last));

        Assert.AreEqual(days, span.Days);
    }

    [TestMethod]
    public void A_span_ending_before_it_starts_does_not_exist()
    {
        var span = DateSpan.Between(Date("2027-05-01"), Date("2027-04-30"));

        Assert.IsNull(span);
    }
}
