using ImageBackup.Domain.Contracts;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Contracts;

[TestClass]
public sealed class ActivationDeadlineTests
{
    [TestMethod]
    [DataRow("2027-01-15T03:00:00Z", "2027-02-15")]
    [DataRow("2027-01-31T03:00:00Z", "2027-02-28")]
    [DataRow("2028-01-31T03:00:00Z", "2028-02-29")]
    [DataRow("2028-01-30T16:00:00Z", "2028-02-29")]
    [DataRow("2027-01-30T14:59:59Z", "2027-02-28")]
    [DataRow("2027-03-31T03:00:00Z", "2027-04-30")]
    [DataRow("2027-12-31T15:30:00Z", "2028-02-01")]
    public void The_activation_deadline_is_the_Tokyo_receipt_date_plus_one_month_clamped_to_month_end(string receivedAt, string deadline)
    {
        var result = ActivationDeadline.For(Utc(receivedAt));

        Assert.AreEqual(Date(deadline), result);
    }

    [TestMethod]
    [DataRow("2027-02-28T14:59:59Z", false)]
    [DataRow("2027-02-28T15:00:00Z", true)]
    public void A_contract_not_activated_after_its_deadline_is_overdue(string now, bool overdue)
    {
        var contract = Pending("2027-01-31T03:00:00Z");

        var result = contract.IsActivationOverdue(Utc(now));

        Assert.AreEqual(overdue, result);
    }
}
