using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;
using ImageBackup.Domain.Plans;
using ImageBackup.Domain.Validation;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Contracts;

[TestClass]
public sealed class ContractLifecycleTests
{
    [TestMethod]
    public void An_opened_contract_waits_for_activation_with_its_deadline_and_no_billing_start()
    {
        var order = new ValidatedOrder(Server, [PlanCatalog.Get("backup-D7"), PlanCatalog.Get("backup-M6")]);

        var contract = Contract.Open("c-9", "cust-9", order, Utc("2027-01-31T03:00:00Z"));

        Assert.AreEqual(ContractStatus.PendingActivation, contract.Status);
        CollectionAssert.AreEqual(new[] { "backup-D7", "backup-M6" }, contract.PlanCodes.ToArray());
        Assert.AreEqual(Date("2027-02-28"), contract.ActivationDeadline);
        Assert.IsNull(contract.BillingStart);
        Assert.IsNull(contract.MinimumTermEnd);
    }

    [TestMethod]
    [DataRow("2028-02-28T15:30:00Z", "2028-02-29", "2028-05-28")]
    [DataRow("2027-02-15T01:00:00Z", "2027-02-15", "2027-05-14")]
    [DataRow("2027-02-14T16:00:00Z", "2027-02-15", "2027-05-14")]
    public void Activation_starts_billing_on_the_Tokyo_date_of_the_first_backup(string firstBackupAt, string billingStart, string minimumTermEnd)
    {
        var contract = Pending();

        var active = contract.Activate(Utc(firstBackupAt));

        Assert.AreEqual(ContractStatus.Active, active.Status);
        Assert.AreEqual(Date(billingStart), active.BillingStart);
        Assert.AreEqual(Date(minimumTermEnd), active.MinimumTermEnd);
    }

    [TestMethod]
    public void A_contract_cancelled_before_activation_cannot_be_activated()
    {
        var contract = Pending() with { Status = ContractStatus.CancellationScheduled, EndMonth = CalendarMonth.Parse("2027-03") };

        Assert.ThrowsExactly<InvalidOperationException>(() => contract.Activate(Utc("2027-02-01T00:00:00Z")));
    }

    [TestMethod]
    public void An_accepted_cancellation_schedules_the_end_of_the_contract()
    {
        var now = Utc("2027-03-10T03:00:00Z");
        var contract = Active("2027-02-01");
        var quote = CancellationPolicy.Evaluate(contract, "2027-06", now).Quote!;

        var cancelled = contract.ScheduleCancellation(quote, now);

        Assert.AreEqual(ContractStatus.CancellationScheduled, cancelled.Status);
        Assert.AreEqual(Date("2027-06-30"), cancelled.EndDate);
        Assert.AreEqual(Utc("2027-06-30T14:59:59Z"), cancelled.EndsAt);
        Assert.AreEqual(now, cancelled.CancellationRequestedAt);
    }

    [TestMethod]
    [DataRow("2027-06-30T14:59:59Z", ContractStatus.CancellationScheduled)]
    [DataRow("2027-06-30T15:00:00Z", ContractStatus.Ended)]
    public void A_contract_has_ended_once_the_Tokyo_date_is_past_its_end_date(string now, ContractStatus expected)
    {
        var contract = Cancelled("2027-02-01", "2027-06");

        var status = contract.StatusAt(Utc(now));
        var stored = contract.EndIfDue(Utc(now)).Status;

        Assert.AreEqual(expected, status);
        Assert.AreEqual(expected, stored);
    }

    [TestMethod]
    public void An_ended_contract_cannot_be_cancelled_again()
    {
        var contract = Cancelled("2027-02-01", "2027-06") with { Status = ContractStatus.Ended };
        var quote = CancellationPolicy.Evaluate(Active("2027-02-01"), "2027-09", Utc("2027-07-10T00:00:00Z")).Quote!;

        Assert.ThrowsExactly<InvalidOperationException>(() => contract.ScheduleCancellation(quote, Utc("2027-07-10T00:00:00Z")));
    }
}
