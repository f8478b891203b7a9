using ImageBackup.Domain.Contracts;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Contracts;

[TestClass]
public sealed class WithdrawalTests
{
    [TestMethod]
    [DataRow("2027-04-30T14:59:59Z", true)]
    [DataRow("2027-04-30T15:00:00Z", false)]
    [DataRow("2027-03-01T00:00:00Z", true)]
    public void A_cancellation_can_be_withdrawn_until_its_own_request_deadline(string now, bool allowed)
    {
        var contract = Cancelled("2027-02-01", "2027-05");

        var decision = CancellationPolicy.EvaluateWithdrawal(contract, Utc(now));

        Assert.AreEqual(allowed, decision.IsAllowed);
        Assert.AreEqual(Date("2027-04-30"), decision.Deadline);
    }

    [TestMethod]
    public void Withdrawing_without_a_scheduled_cancellation_is_rejected()
    {
        var decision = CancellationPolicy.EvaluateWithdrawal(Active("2027-02-01"), Utc("2027-03-01T00:00:00Z"));

        Assert.AreEqual(CancellationRules.NotCancelled, decision.Rejection!.Rule);
    }

    [TestMethod]
    public void A_withdrawn_cancellation_returns_an_activated_contract_to_active()
    {
        var contract = Cancelled("2027-02-01", "2027-05");

        var withdrawn = contract.WithdrawCancellation();

        Assert.AreEqual(ContractStatus.Active, withdrawn.Status);
        Assert.IsNull(withdrawn.EndMonth);
        Assert.IsNull(withdrawn.EndDate);
    }

    [TestMethod]
    public void A_withdrawn_cancellation_returns_a_never_activated_contract_to_pending_activation()
    {
        var contract = Pending().ScheduleCancellation(
            CancellationPolicy.Evaluate(Pending(), "2027-03", Utc("2027-01-20T02:00:00Z")).Quote!, Utc("2027-01-20T02:00:00Z"));

        var withdrawn = contract.WithdrawCancellation();

        Assert.AreEqual(ContractStatus.PendingActivation, withdrawn.Status);
    }
}
