using System.Text.Json;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Domain.Tests.Contracts;

[TestClass]
public sealed class ContractStatusNamesTests
{
    [TestMethod]
    [DataRow(ContractStatus.PendingActivation, "pending-activation")]
    [DataRow(ContractStatus.Active, "active")]
    [DataRow(ContractStatus.CancellationScheduled, "cancellation-scheduled")]
    [DataRow(ContractStatus.Ended, "ended")]
    public void A_status_has_one_wire_name_for_json_and_for_text(ContractStatus status, string wireName)
    {
        var json = JsonSerializer.Serialize(status, TestContracts.Wire);
        var parsed = ContractStatusNames.TryParse(wireName, out var back);

        Assert.AreEqual($"\"{wireName}\"", json);
        Assert.AreEqual(wireName, ContractStatusNames.WireName(status));
        Assert.IsTrue(parsed);
        Assert.AreEqual(status, back);
    }
}
