using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using ImageBackup.Application.Agents;
using ImageBackup.Storage.Queues;
using ImageBackup.Storage.Tables;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed class AgentEnrollmentTests
{
    [TestMethod]
    public async Task The_enrollment_token_of_an_order_enrolls_one_agent_once()
    {
        // Arrange
        var (_, customerKey) = await Keys.NewCustomerAsync();
        using var order = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/orders", customerKey, Orders.Body("backup-D7"));
        var contract = await order.ReadJsonAsync();
        var token = contract.GetProperty("enrollmentToken").GetString();

        // Act
        using var enrolled = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/agent/enrollment", body: new { enrollmentToken = token });
        var agent = await enrolled.ReadJsonAsync();
        using var again = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/agent/enrollment", body: new { enrollmentToken = token });
        using var unknown = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/agent/enrollment", body: new { enrollmentToken = "ibe_unknown" });
        using var me = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/me", agent.GetProperty("agentKey").GetString());
        using var contracts = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/contracts", agent.GetProperty("agentKey").GetString());

        // Assert
        Assert.AreEqual(HttpStatusCode.Created, enrolled.StatusCode, agent.ToString());
        Assert.AreEqual(contract.GetProperty("id").GetString(), agent.GetProperty("contractId").GetString());
        await again.AssertProblemAsync(409);
        await unknown.AssertProblemAsync(404);
        Assert.AreEqual(agent.GetProperty("agentId").GetString(), (await me.ReadJsonAsync()).GetProperty("agentId").GetString());
        await contracts.AssertProblemAsync(403);
    }

    [TestMethod]
    public async Task An_enrollment_repeated_with_its_idempotency_key_gets_a_new_key_and_the_lost_one_stops_working()
    {
        // Arrange: the first answer is "lost" (the agent never stores the key).
        var (_, customerKey) = await Keys.NewCustomerAsync();
        using var order = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/orders", customerKey, Orders.Body("backup-D3"));
        var token = (await order.ReadJsonAsync()).GetProperty("enrollmentToken").GetString();
        var first = await EnrollAsync(token, "request-0123456789");

        // Act
        var repeated = await EnrollAsync(token, "request-0123456789");
        var other = await EnrollAsync(token, "request-someone-else");
        using var firstKey = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/me", first.GetProperty("agentKey").GetString());
        using var repeatedKey = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/me", repeated.GetProperty("agentKey").GetString());

        // Assert
        Assert.AreEqual(first.GetProperty("agentId").GetString(), repeated.GetProperty("agentId").GetString());
        Assert.AreNotEqual(first.GetProperty("agentKey").GetString(), repeated.GetProperty("agentKey").GetString());
        Assert.AreEqual(409, other.GetProperty("status").GetInt32());
        await firstKey.AssertProblemAsync(401);
        Assert.AreEqual(HttpStatusCode.OK, repeatedKey.StatusCode);
    }

    private static async Task<JsonElement> EnrollAsync(string? token, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/agent/enrollment") { Content = JsonContent.Create(new { enrollmentToken = token }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await ServiceHost.Client.SendAsync(request);
        return await response.ReadJsonAsync();
    }

    [TestMethod]
    public async Task An_agent_long_polls_its_own_commands_and_no_others()
    {
        // Arrange
        var (customerId, _) = await Keys.NewCustomerAsync();
        var mineKey = await Keys.NewAgentAsync(customerId);
        var theirsKey = await Keys.NewAgentAsync(customerId);
        using var meResponse = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/me", mineKey);
        var mine = (await meResponse.ReadJsonAsync()).GetProperty("agentId").GetString()!;
        var channel = new StorageQueueAgentCommandChannel(
            new QueueServiceClient(TestStorage.ConnectionString), new TableProvisioner(new TableServiceClient(TestStorage.ConnectionString)), TimeProvider.System);

        // Act
        using var empty = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/commands/next?wait=1s", mineKey);
        await channel.SendAsync(new AgentCommand(mine, "cap-1", "capture", "{\"night\":\"2026-12-01\"}", DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);
        using var others = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/commands/next?wait=1s", theirsKey);
        using var next = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/commands/next?wait=10s", mineKey);
        using var badWait = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/commands/next?wait=10m", mineKey);
        using var ops = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/commands/next?wait=1s", Keys.Ops);

        // Assert
        Assert.AreEqual(HttpStatusCode.NoContent, empty.StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, others.StatusCode);
        var command = await next.ReadJsonAsync();
        Assert.AreEqual("cap-1", command.GetProperty("commandId").GetString());
        Assert.AreEqual("2026-12-01", command.GetProperty("payload").GetProperty("night").GetString());
        await badWait.AssertProblemAsync(400);
        await ops.AssertProblemAsync(403);
    }
}
