using ImageBackup.Domain.Contracts;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Contracts;

[TestClass]
public sealed class MinimumTermTests
{
    [TestMethod]
    [DataRow("2027-02-15", "2027-05-14")]
    [DataRow("2027-02-01", "2027-04-30")]
    [DataRow("2028-02-29", "2028-05-28")]
    [DataRow("2027-01-31", "2027-04-30")]
    [DataRow("2027-11-30", "2028-02-29")]
    public void The_minimum_term_covers_three_months_from_billing_start_inclusive(string billingStart, string end)
    {
        var result = MinimumTerm.EndFor(Date(billingStart));

        Assert.AreEqual(Date(end), result);
    }

    [TestMethod]
    [DataRow("2027-02-01", "2027-04-30")]
    [DataRow("2027-02-01", "2027-05-31")]
    [DataRow("2028-02-29", "2028-05-31")]
    public void An_end_on_or_after_the_end_of_the_minimum_term_leaves_no_days_owed(string billingStart, string endDate)
    {
        var remaining = MinimumTerm.RemainingAfter(Date(billingStart), Date(endDate));

        Assert.IsNull(remaining);
    }

    [TestMethod]
    [DataRow("2027-02-01", "2027-03-31", "2027-04-01", 30)]
    [DataRow("2027-02-15", "2027-03-31", "2027-04-01", 44)]
    [DataRow("2027-02-15", "2027-04-30", "2027-05-01", 14)]
    [DataRow("2028-02-29", "2028-04-30", "2028-05-01", 28)]
    public void An_early_end_owes_the_days_from_the_day_after_it_to_the_end_of_the_term(
        string billingStart, string endDate, string firstOwed, int days)
    {
        var remaining = MinimumTerm.RemainingAfter(Date(billingStart), Date(endDate));

        Assert.IsNotNull(remaining);
        Assert.AreEqual(Date(firstOwed), remaining.First);
        Assert.AreEqual(days, remaining.Days);
    }
}
