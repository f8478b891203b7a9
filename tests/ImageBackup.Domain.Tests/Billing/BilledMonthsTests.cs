using ImageBackup.Domain.Billing;
using ImageBackup.Domain.Plans;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Billing;

[TestClass]
public sealed class BilledMonthsTests
{
    [TestMethod]
    [DataRow("2027-04-30T14:59:59Z", null, "2027-02,2027-03,2027-04")]
    [DataRow("2027-04-30T15:00:00Z", null, "2027-02,2027-03,2027-04,2027-05")]
    [DataRow("2027-09-01T00:00:00Z", "2027-05-31", "2027-02,2027-03,2027-04,2027-05")]
    [DataRow("2027-02-15T00:00:00Z", null, "2027-02")]
    public void Billed_months_run_from_the_billing_start_month_to_the_current_Tokyo_month_but_not_past_the_end(
        string now, string? endDate, string expected)
    {
        var terms = new BillingTerms([PlanCatalog.Get("backup-D7")], Date("2027-02-15"), endDate is null ? null : Date(endDate));

        var months = InvoiceCalculator.BilledMonths(terms, Utc(now));

        Assert.AreEqual(expected, string.Join(",", months));
    }

    [TestMethod]
    public void A_contract_that_never_activated_has_no_billed_months()
    {
        var months = InvoiceCalculator.BilledMonths(Pending(), Utc("2027-06-01T00:00:00Z"));

        Assert.IsEmpty(months);
    }
}
