using ImageBackup.Application.NightlyRuns;

namespace ImageBackup.Application.Tests;

[TestClass]
public sealed class ServerOutcomeStatusTests
{
    [TestMethod]
    [DataRow(null, "running", true)]
    [DataRow("running", "running", true)]
    [DataRow("running", "succeeded", true)]
    [DataRow("running", "missed", true)]
    [DataRow("succeeded", "running", false)]
    [DataRow("succeeded", "missed", false)]
    [DataRow("succeeded", "failed", false)]
    [DataRow("succeeded", "succeeded", true)]
    [DataRow("missed", "running", false)]
    [DataRow("failed", "running", false)]
    [DataRow("skipped", "running", false)]
    [DataRow("failed", "succeeded", true)]
    public void A_decided_night_is_never_reopened_and_a_success_never_undone(string? stored, string next, bool replaces)
    {
        // Act
        var result = ServerOutcomeStatus.MayReplace(stored, next);

        // Assert
        Assert.AreEqual(replaces, result);
    }
}
