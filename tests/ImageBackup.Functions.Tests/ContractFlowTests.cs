using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed class ContractFlowTests
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task A_contract_lives_from_order_to_ended_with_the_right_invoices_across_a_clock_jump()
    {
        // Arrange: a host whose clock reads 10 January 2027, 10:00 JST.
        var taskHub = LocalHostProcess.UniqueTaskHub("flow");
        string id, idle, key;
        JsonElement cancellation, january;
        await using (var january10 = await LocalHostProcess.StartAsync(taskHub, Clock("2027-01-10T10:00:00+09:00")))
        {
            var client = january10.Client;
            key = await Orders.NewCustomerKeyAsync(client);

            // Act 1: order, read, refused change, activation, cancellation, invoices.
            id = await Orders.PlaceAsync(client, key, "backup-D7", "backup-W4", "backup-M6");
            idle = await Orders.PlaceAsync(client, key, "backup-D3");
            using var read = await client.SendAsync(HttpMethod.Get, $"api/contracts/{id}", key);
            using var change = await client.SendAsync(HttpMethod.Patch, $"api/contracts/{id}", key, "{\"plans\":[\"backup-D3\"]}");
            using var activation = await client.SendAsync(HttpMethod.Post, $"api/ops/contracts/{id}/activation", LocalHostProcess.OpsKey, new { billingStart = "2027-01-10" });
            using var cancel = await client.SendAsync(HttpMethod.Post, $"api/contracts/{id}/cancellation", key, new { endMonth = "2027-03" });
            cancellation = await cancel.ReadJsonAsync();
            using var secondCancel = await client.SendAsync(HttpMethod.Post, $"api/contracts/{id}/cancellation", key, new { endMonth = "2027-04" });
            using var withdraw = await client.SendAsync(HttpMethod.Delete, $"api/contracts/{id}/cancellation", key);
            using var cancelAgain = await client.SendAsync(HttpMethod.Post, $"api/contracts/{id}/cancellation", key, new { endMonth = "2027-03" });
            using var invoices = await client.SendAsync(HttpMethod.Get, $"api/contracts/{id}/invoices", key);
            var invoiceList = await invoices.ReadJsonAsync();
            january = invoiceList[0];

            // Assert 1
            Assert.AreEqual("2027-02-10", (await read.ReadJsonAsync()).GetProperty("activationDeadline").GetString());
            await change.AssertProblemAsync(409);
            var active = await activation.ReadJsonAsync();
            Assert.AreEqual(HttpStatusCode.OK, activation.StatusCode, active.ToString());
            Assert.AreEqual("active", active.GetProperty("status").GetString());
            Assert.AreEqual("2027-04-09", active.GetProperty("minimumTermEnd").GetString());
            Assert.AreEqual(HttpStatusCode.Created, cancel.StatusCode, cancellation.ToString());
            Assert.AreEqual("2027-03-31", cancellation.GetProperty("endDate").GetString());
            Assert.IsTrue(cancellation.GetProperty("cutsMinimumTermShort").GetBoolean());
            Assert.AreEqual(9, cancellation.GetProperty("earlyTerminationDays").GetInt32());
            Assert.AreEqual(7_500, cancellation.GetProperty("earlyTerminationFee").GetInt64());
            Assert.AreEqual(35_750, cancellation.GetProperty("finalInvoice").GetProperty("total").GetInt64());
            Assert.AreEqual("cancellation-scheduled", cancellation.GetProperty("contract").GetProperty("status").GetString());
            await secondCancel.AssertProblemAsync(409);
            Assert.AreEqual("active", (await withdraw.ReadJsonAsync()).GetProperty("status").GetString());
            Assert.AreEqual(HttpStatusCode.Created, cancelAgain.StatusCode);
            Assert.AreEqual(1, invoiceList.GetArrayLength());
            Assert.AreEqual(52_514, january.GetProperty("total").GetInt64());
        }

        // Act 2: the same task hub and storage, with the clock three seconds before the end date passes.
        await using var march31 = await LocalHostProcess.StartAsync(taskHub, Clock("2027-03-31T23:59:57+09:00"));
        var stored = await WaitForStoredStatusAsync(id, "ended", TimeSpan.FromSeconds(90));
        using var after = await march31.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}", LocalHostProcess.OpsKey);
        using var allInvoices = await march31.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}/invoices", LocalHostProcess.OpsKey);
        using var final = await march31.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}/invoices/2027-03", LocalHostProcess.OpsKey);
        var alerts = await WaitForAlertAsync(march31.Client, idle, TimeSpan.FromSeconds(60));
        using var overdue = await march31.Client.SendAsync(HttpMethod.Get, "api/ops/contracts?overdue=true", LocalHostProcess.OpsKey);
        using var lateWithdrawal = await march31.Client.SendAsync(HttpMethod.Delete, $"api/contracts/{id}/cancellation", key);

        // Assert 2: a durable timer stored the end, the final invoice is the preview, the idle order raised an alert.
        Assert.AreEqual("ended", stored);
        Assert.AreEqual("ended", (await after.ReadJsonAsync()).GetProperty("status").GetString());
        CollectionAssert.AreEqual(new[] { "2027-01", "2027-02", "2027-03" },
            (await allInvoices.ReadJsonAsync()).EnumerateArray().Select(i => i.GetProperty("month").GetString()).ToArray());
        var finalInvoice = await final.ReadJsonAsync();
        Assert.AreEqual(cancellation.GetProperty("finalInvoice").GetRawText(), finalInvoice.GetRawText());
        Assert.IsTrue(finalInvoice.GetProperty("isFinal").GetBoolean());
        StringAssert.Contains(alerts, "activation-deadline");
        CollectionAssert.Contains((await overdue.ReadJsonAsync()).EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList(), idle);
        await lateWithdrawal.AssertProblemAsync(409);
    }

    private static Dictionary<string, string> Clock(string now) => new() { ["ImageBackup__Clock__Now"] = now };

    private static async Task<string?> WaitForStoredStatusAsync(string id, string status, TimeSpan timeout)
    {
        var table = new TableClient(TestStorage.ConnectionString, "Contracts");
        var deadline = DateTime.UtcNow + timeout;
        string? current = null;
        while (DateTime.UtcNow < deadline)
        {
            current = (await table.GetEntityAsync<TableEntity>(id, "")).Value.GetString("Status");
            if (current == status)
            {
                return current;
            }

            await Task.Delay(500);
        }

        return current;
    }

    private static async Task<string> WaitForAlertAsync(HttpClient client, string contractId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var text = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "api/ops/alerts", LocalHostProcess.OpsKey);
            text = await response.Content.ReadAsStringAsync();
            if (text.Contains(contractId, StringComparison.Ordinal))
            {
                return text;
            }

            await Task.Delay(500);
        }

        throw new AssertFailedException($"No alert for {contractId}: {text}");
    }
}
