using System.Net;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests.Nightly;

[TestClass]
public sealed class MissedCaptureTests
{
    [TestMethod]
    [Timeout(480_000, CooperativeCancellation = true)]
    public async Task A_server_whose_agent_does_not_report_by_06_00_is_missed_and_a_late_report_is_refused()
    {
        // Arrange: the host's clock is three minutes before the window closes.
        await using var host = await LocalHostProcess.StartAsync(LocalHostProcess.UniqueTaskHub("missed"), new Dictionary<string, string>
        {
            ["ImageBackup__Clock__Now"] = "2027-03-02T05:57:00+09:00",
            ["ImageBackup__TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..12],
        });
        var customerKey = await Orders.NewCustomerKeyAsync(host.Client);
        var silent = await ProtocolAgent.OrderAndEnrollAsync(host.Client, customerKey, "backup-D3");
        using var image = new TemporaryImage(512 * 1024);

        // Act
        using var started = await host.Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey, new { date = "2027-03-02" });
        var command = await silent.NextCommandAsync(TimeSpan.FromMinutes(3));
        var manifest = await ProtocolAgent.CaptureAsync(command, image.Path);
        var night = await NightlyRunPolling.WaitForCompletionAsync(host.Client, "2027-03-02", TimeSpan.FromMinutes(4));
        using var late = await silent.ReportCompletedAsync(command.GetProperty("captureId").GetString()!, manifest.GenerationId);
        using var backups = await host.Client.SendAsync(HttpMethod.Get, $"api/contracts/{silent.ContractId}/backups", customerKey);

        // Assert
        Assert.AreEqual(HttpStatusCode.Accepted, started.StatusCode);
        var outcome = NightlyRunPolling.ServerOutcome(night, silent.ContractId);
        Assert.AreEqual("missed", outcome.GetProperty("status").GetString(), night.ToString());
        StringAssert.Contains(outcome.GetProperty("reason").GetString(), "did not report");
        Assert.AreEqual(1, night.GetProperty("totals").GetProperty("missed").GetInt32());
        await late.AssertProblemAsync(409);
        Assert.AreEqual(0, (await backups.ReadJsonAsync()).GetArrayLength());
    }
}
