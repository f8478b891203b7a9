using System.Net;
using System.Text.Json;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed class OrderTests
{
    [TestMethod]
    public async Task An_order_creates_a_pending_contract_with_a_one_time_enrollment_token()
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();

        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/orders", key, Orders.Body("backup-D7", "backup-W4", "backup-HKD-100"));
        var contract = await response.ReadJsonAsync();
        using var read = await ServiceHost.Client.SendAsync(HttpMethod.Get, response.Headers.Location!.OriginalString.TrimStart('/'), key);
        var again = await read.ReadJsonAsync();

        // Assert
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, contract.ToString());
        Assert.AreEqual("pending-activation", contract.GetProperty("status").GetString());
        CollectionAssert.AreEqual(new[] { "backup-D7", "backup-W4", "backup-HKD-100" }, contract.GetProperty("plans").EnumerateArray().Select(p => p.GetString()).ToArray());
        Assert.AreEqual("rhel7", contract.GetProperty("server").GetProperty("os").GetString());
        Assert.StartsWith("ibe_", contract.GetProperty("enrollmentToken").GetString());
        Assert.AreEqual(JsonValueKind.Null, contract.GetProperty("billingStart").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, contract.GetProperty("minimumTermEnd").ValueKind);
        Assert.EndsWith("+09:00", contract.GetProperty("receivedAt").GetString());
        Assert.AreEqual(HttpStatusCode.OK, read.StatusCode);
        Assert.AreEqual(JsonValueKind.Null, again.GetProperty("enrollmentToken").ValueKind, "the token is shown once");
    }

    [TestMethod]
    public async Task The_same_idempotency_key_and_body_return_the_same_contract_and_another_body_is_422()
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();
        var idempotencyKey = Guid.NewGuid().ToString();

        // Act
        using var first = await Send(key, idempotencyKey, Orders.Body("backup-D3"));
        using var second = await Send(key, idempotencyKey, Orders.Body("backup-D3"));
        using var different = await Send(key, idempotencyKey, Orders.Body("backup-D14"));
        using var list = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/contracts", key);

        // Assert
        var firstId = (await first.ReadJsonAsync()).GetProperty("id").GetString();
        Assert.AreEqual(HttpStatusCode.Created, first.StatusCode);
        Assert.AreEqual(firstId, (await second.ReadJsonAsync()).GetProperty("id").GetString());
        await different.AssertProblemAsync(422);
        Assert.AreEqual(1, (await list.ReadJsonAsync()).GetArrayLength(), "one contract, never two");
    }

    [TestMethod]
    public async Task Plans_and_targets_cannot_change_during_a_contract()
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();
        var id = await Orders.PlaceAsync(ServiceHost.Client, key, "backup-D7");

        // Act
        using var put = await ServiceHost.Client.SendAsync(HttpMethod.Put, $"api/contracts/{id}", key, Orders.Body("backup-D14"));
        using var patch = await ServiceHost.Client.SendAsync(HttpMethod.Patch, $"api/contracts/{id}", key, "{\"plans\":[\"backup-D14\"]}");
        using var after = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}", key);

        // Assert
        var problem = await put.AssertProblemAsync(409);
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "sales@clara.ad.jp");
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "Cancel");
        await patch.AssertProblemAsync(409);
        Assert.AreEqual("backup-D7", (await after.ReadJsonAsync()).GetProperty("plans")[0].GetString());
    }

    [TestMethod]
    public async Task A_customer_cannot_see_or_cancel_another_customers_contract()
    {
        // Arrange
        var (_, alice) = await Keys.NewCustomerAsync("Alice");
        var (_, bob) = await Keys.NewCustomerAsync("Bob");
        var id = await Orders.PlaceAsync(ServiceHost.Client, alice, "backup-D7");

        // Act
        using var read = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}", bob);
        using var cancel = await ServiceHost.Client.SendAsync(HttpMethod.Post, $"api/contracts/{id}/cancellation", bob, new { endMonth = "2030-01" });
        using var invoices = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}/invoices", bob);
        using var bobsList = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/contracts", bob);
        using var byOps = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}", Keys.Ops);

        // Assert
        await read.AssertProblemAsync(404);
        await cancel.AssertProblemAsync(404);
        await invoices.AssertProblemAsync(404);
        Assert.AreEqual(0, (await bobsList.ReadJsonAsync()).GetArrayLength());
        Assert.AreEqual(HttpStatusCode.OK, byOps.StatusCode);
    }

    [TestMethod]
    public async Task Two_concurrent_cancellations_give_one_201_and_one_409()
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();
        var id = await Orders.PlaceAsync(ServiceHost.Client, key, "backup-D7");
        var endMonth = DateTime.UtcNow.AddHours(9).AddMonths(2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            ServiceHost.Client.SendAsync(HttpMethod.Post, $"api/contracts/{id}/cancellation", key, new { endMonth })));

        // Assert
        var statuses = attempts.Select(r => (int)r.StatusCode).Order().ToList();
        CollectionAssert.AreEqual(new[] { 201, 409 }, statuses, string.Join(" | ", attempts.Select(r => r.Content.ReadAsStringAsync().Result)));
        foreach (var response in attempts)
        {
            response.Dispose();
        }
    }

    private static Task<HttpResponseMessage> Send(string key, string idempotencyKey, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return ServiceHost.Client.SendAsync(request);
    }
}
