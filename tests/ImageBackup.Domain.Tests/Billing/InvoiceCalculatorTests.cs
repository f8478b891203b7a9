using ImageBackup.Domain.Billing;
using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Plans;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Billing;

[TestClass]
public sealed class InvoiceCalculatorTests
{
    private static BillingTerms Terms(string billingStart, string? endMonth, params string[] plans) =>
        new([.. plans.Select(PlanCatalog.Get)], Date(billingStart), endMonth is null ? null : CalendarMonth.Parse(endMonth).LastDay);

    [TestMethod]
    [DataRow("2027-02-01", "2027-02", 28)]
    [DataRow("2028-02-01", "2028-02", 29)]
    [DataRow("2027-04-01", "2027-04", 30)]
    [DataRow("2027-05-01", "2027-05", 31)]
    public void A_start_on_the_first_bills_a_full_month_with_the_days_of_the_month(string billingStart, string month, int days)
    {
        var invoice = InvoiceCalculator.Calculate(Terms(billingStart, null, "backup-D7"), CalendarMonth.Parse(month))!;

        var monthly = invoice.Lines.Single(l => l.Kind == InvoiceLineKind.MonthlyFee);
        Assert.AreEqual(days, monthly.QuantityDays);
        Assert.AreEqual(10_000L, monthly.Amount);
    }

    [TestMethod]
    [DataRow("2027-02-15", 14, 5_000L)]
    [DataRow("2028-02-15", 15, 5_172L)]
    [DataRow("2027-04-15", 16, 5_333L)]
    [DataRow("2027-05-15", 17, 5_483L)]
    public void A_mid_month_start_bills_the_first_month_per_day(string billingStart, int days, long amount)
    {
        var terms = Terms(billingStart, null, "backup-D7");

        var invoice = InvoiceCalculator.Calculate(terms, CalendarMonth.Of(terms.BillingStart))!;

        var monthly = invoice.Lines.Single(l => l.Kind == InvoiceLineKind.MonthlyFee);
        Assert.AreEqual(days, monthly.QuantityDays);
        Assert.AreEqual(amount, monthly.Amount);
    }

    [TestMethod]
    public void Initial_fees_appear_only_on_the_invoice_of_the_billing_start_month()
    {
        var terms = Terms("2027-02-15", null, "backup-D7", "backup-HKD-100");

        var first = InvoiceCalculator.Calculate(terms, CalendarMonth.Parse("2027-02"))!;
        var second = InvoiceCalculator.Calculate(terms, CalendarMonth.Parse("2027-03"))!;

        Assert.HasCount(2, first.Lines.Where(l => l.Kind == InvoiceLineKind.InitialFee).ToList());
        Assert.IsTrue(first.Lines.Where(l => l.Kind == InvoiceLineKind.InitialFee).All(l => l.QuantityDays is null && l.Amount == 10_000L));
        Assert.IsFalse(second.Lines.Any(l => l.Kind == InvoiceLineKind.InitialFee));
    }

    [TestMethod]
    [DataRow("2027-01")]
    [DataRow("2027-04")]
    [DataRow("2030-01")]
    public void Months_before_billing_start_or_after_the_end_month_have_no_invoice(string month)
    {
        var invoice = InvoiceCalculator.Calculate(Terms("2027-02-15", "2027-03", "backup-D7"), CalendarMonth.Parse(month));

        Assert.IsNull(invoice);
    }

    [TestMethod]
    public void A_contract_that_never_activated_has_no_invoice()
    {
        var invoice = InvoiceCalculator.Calculate(Pending(), CalendarMonth.Parse("2027-02"));

        Assert.IsNull(invoice);
    }

    [TestMethod]
    public void Only_the_final_invoice_carries_early_termination_lines_one_per_plan_per_month()
    {
        var terms = Terms("2027-02-15", "2027-03", "backup-D7", "backup-W4");

        var february = InvoiceCalculator.Calculate(terms, CalendarMonth.Parse("2027-02"))!;
        var march = InvoiceCalculator.Calculate(terms, CalendarMonth.Parse("2027-03"))!;

        Assert.IsFalse(february.IsFinal);
        Assert.IsFalse(february.Lines.Any(l => l.Kind == InvoiceLineKind.EarlyTermination));
        Assert.IsTrue(march.IsFinal);
        var early = march.Lines.Where(l => l.Kind == InvoiceLineKind.EarlyTermination).ToList();
        Assert.HasCount(4, early);
        CollectionAssert.AreEqual(new long[] { 10_000, 4_516, 5_000, 2_258 }, early.Select(l => l.Amount).ToArray());
    }

    [TestMethod]
    public void An_end_at_the_minimum_term_boundary_has_no_early_termination_line()
    {
        var invoice = InvoiceCalculator.Calculate(Terms("2027-02-01", "2027-04", "backup-D7"), CalendarMonth.Parse("2027-04"))!;

        Assert.IsTrue(invoice.IsFinal);
        Assert.IsFalse(invoice.Lines.Any(l => l.Kind == InvoiceLineKind.EarlyTermination));
        Assert.AreEqual(11_000L, invoice.Total);
    }

    [TestMethod]
    public void An_invoice_total_is_subtotal_plus_tax_rounded_down()
    {
        var invoice = InvoiceCalculator.Calculate(Terms("2028-02-29", null, "backup-D7"), CalendarMonth.Parse("2028-02"))!;

        Assert.AreEqual(10_344L, invoice.Subtotal);
        Assert.AreEqual(1_034L, invoice.Tax);
        Assert.AreEqual(11_378L, invoice.Total);
    }
}
