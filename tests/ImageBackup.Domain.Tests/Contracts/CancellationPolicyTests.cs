using ImageBackup.Domain.Contracts;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Contracts;

[TestClass]
public sealed class CancellationPolicyTests
{
    [TestMethod]
    [DataRow("2027-04-30T14:59:00Z")]
    [DataRow("2027-04-30T14:59:59Z")]
    [DataRow("2027-04-01T00:00:00Z")]
    [DataRow("2027-03-31T15:00:00Z")]
    public void Cancellation_on_or_before_the_last_day_of_the_previous_month_in_Tokyo_is_accepted(string now)
    {
        var contract = Active("2027-02-01");

        var decision = CancellationPolicy.Evaluate(contract, "2027-05", Utc(now));

        Assert.IsTrue(decision.IsAccepted);
        Assert.IsNull(decision.Rejection);
    }

    [TestMethod]
    [DataRow("2027-04-30T15:00:00Z")]
    [DataRow("2027-05-01T00:00:00Z")]
    [DataRow("2027-05-20T03:00:00Z")]
    public void Cancellation_after_month_end_deadline_is_rejected(string now)
    {
        var contract = Active("2027-02-01");

        var decision = CancellationPolicy.Evaluate(contract, "2027-05", Utc(now));

        Assert.IsFalse(decision.IsAccepted);
        Assert.AreEqual(CancellationRules.DeadlinePassed, decision.Rejection!.Rule);
    }

    [TestMethod]
    [DataRow("2027-04")]
    [DataRow("2026-12")]
    public void Cancellation_for_a_past_end_month_is_rejected(string endMonth)
    {
        var decision = CancellationPolicy.Evaluate(Active("2027-02-01"), endMonth, Utc("2027-05-10T03:00:00Z"));

        Assert.AreEqual(CancellationRules.EndMonthInPast, decision.Rejection!.Rule);
    }

    [TestMethod]
    [DataRow("2027-5")]
    [DataRow("May")]
    [DataRow("")]
    [DataRow("2027-05-31")]
    [DataRow(null)]
    public void Cancellation_with_a_malformed_end_month_is_rejected(string? endMonth)
    {
        var decision = CancellationPolicy.Evaluate(Active("2027-02-01"), endMonth, Utc("2027-03-10T03:00:00Z"));

        Assert.AreEqual(CancellationRules.MalformedMonth, decision.Rejection!.Rule);
    }

    [TestMethod]
    public void A_second_cancellation_is_rejected()
    {
        var contract = Cancelled("2027-02-01", "2027-06");

        var decision = CancellationPolicy.Evaluate(contract, "2027-07", Utc("2027-03-10T03:00:00Z"));

        Assert.AreEqual(CancellationRules.AlreadyCancelled, decision.Rejection!.Rule);
    }

    [TestMethod]
    public void Cancellation_of_an_ended_contract_is_rejected()
    {
        var contract = Cancelled("2027-02-01", "2027-06");

        var decision = CancellationPolicy.Evaluate(contract, "2027-09", Utc("2027-07-10T03:00:00Z"));

        Assert.AreEqual(CancellationRules.ContractEnded, decision.Rejection!.Rule);
    }

    [TestMethod]
    public void An_accepted_cancellation_ends_at_23_59_59_Tokyo_on_the_last_day_of_the_end_month()
    {
        var decision = CancellationPolicy.Evaluate(Active("2027-02-01"), "2027-05", Utc("2027-04-30T14:59:00Z"));

        var quote = decision.Quote!;
        Assert.AreEqual(Date("2027-05-31"), quote.EndDate);
        Assert.AreEqual(Utc("2027-05-31T14:59:59Z"), quote.EndsAt);
        Assert.AreEqual(Date("2027-04-30"), quote.RequestDeadline);
        Assert.AreEqual(Utc("2027-04-30T14:59:59Z"), quote.RequestDeadlineAt);
    }

    [TestMethod]
    [DataRow("2027-02-01", "2027-04", false, 0, 0L)]
    [DataRow("2027-02-01", "2027-03", true, 30, 10_000L)]
    [DataRow("2027-02-15", "2027-04", true, 14, 4_516L)]
    [DataRow("2027-02-15", "2027-05", false, 0, 0L)]
    [DataRow("2027-01-31", "2027-03", true, 30, 10_000L)]
    public void An_accepted_cancellation_quotes_the_remaining_minimum_term_days_per_day(
        string billingStart, string endMonth, bool cutShort, int days, long fee)
    {
        var decision = CancellationPolicy.Evaluate(Active(billingStart), endMonth, Utc("2027-02-20T03:00:00Z"));

        var quote = decision.Quote!;
        Assert.AreEqual(cutShort, quote.CutsMinimumTermShort);
        Assert.AreEqual(days, quote.EarlyTerminationDays);
        Assert.AreEqual(fee, quote.EarlyTerminationFee);
        Assert.AreEqual(fee, quote.EarlyTerminationLines.Sum(l => l.Amount));
    }

    [TestMethod]
    public void Cancelling_a_contract_that_never_activated_costs_nothing_and_ends_at_the_month_end()
    {
        var contract = Pending("2027-01-31T03:00:00Z", "backup-D14", "backup-HKD-200");

        var decision = CancellationPolicy.Evaluate(contract, "2027-02", Utc("2027-01-31T05:00:00Z"));

        var quote = decision.Quote!;
        Assert.AreEqual(Date("2027-02-28"), quote.EndDate);
        Assert.IsNull(quote.MinimumTermEnd);
        Assert.IsFalse(quote.CutsMinimumTermShort);
        Assert.AreEqual(0L, quote.EarlyTerminationFee);
        Assert.IsEmpty(quote.EarlyTerminationLines);
    }

    [TestMethod]
    [DataRow("2027-04-30T14:59:59Z", "2027-05")]
    [DataRow("2027-04-30T15:00:00Z", "2027-06")]
    [DataRow("2027-12-10T00:00:00Z", "2028-01")]
    public void The_earliest_end_month_is_the_month_after_the_current_Tokyo_month(string now, string expected)
    {
        var month = CancellationPolicy.EarliestEndMonth(Utc(now));

        Assert.AreEqual(expected, month.ToString());
    }
}
