using System.Net;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed class AuthorizationTests
{
    [TestMethod]
    [DataRow("GET", "api/customers/cus-0000000000000000")]
    [DataRow("POST", "api/ops/customers")]
    [DataRow("POST", "api/ops/nightly-runs")]
    [DataRow("GET", "api/ops/nightly-runs/2026-12-01")]
    [DataRow("GET", "api/agent/me")]
    public async Task A_request_without_a_key_gets_401_problem(string method, string path)
    {
        // Act
        using var response = await ServiceHost.Client.SendAsync(new HttpMethod(method), path);

        // Assert
        var problem = await response.AssertProblemAsync(401);
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "Authorization");
    }

    [TestMethod]
    public async Task A_wrong_key_or_scheme_gets_401()
    {
        // Act
        using var wrongKey = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/ops/nightly-runs/2026-12-01", "ibo_not-a-real-key");
        var basic = new HttpRequestMessage(HttpMethod.Get, "api/ops/nightly-runs/2026-12-01");
        basic.Headers.TryAddWithoutValidation("Authorization", "Basic " + Keys.Ops);
        using var wrongScheme = await ServiceHost.Client.SendAsync(basic);

        // Assert
        await wrongKey.AssertProblemAsync(401);
        await wrongScheme.AssertProblemAsync(401);
    }

    [TestMethod]
    public async Task A_customer_key_on_ops_endpoints_gets_403()
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();

        // Act
        using var register = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/ops/customers", key, new { name = "X", email = "x@example.jp" });
        using var night = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", key, new { date = "2026-12-01" });
        using var agent = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/me", key);

        // Assert
        await register.AssertProblemAsync(403);
        await night.AssertProblemAsync(403);
        await agent.AssertProblemAsync(403);
    }

    [TestMethod]
    public async Task An_agent_key_reaches_only_agent_endpoints()
    {
        // Arrange
        var (customerId, _) = await Keys.NewCustomerAsync();
        var agentKey = await Keys.NewAgentAsync(customerId);

        // Act
        using var me = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/me", agentKey);
        using var customer = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/customers/{customerId}", agentKey);
        using var ops = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/ops/nightly-runs/2026-12-01", agentKey);

        // Assert
        Assert.AreEqual(HttpStatusCode.OK, me.StatusCode);
        Assert.AreEqual(customerId, (await me.ReadJsonAsync()).GetProperty("customerId").GetString());
        await customer.AssertProblemAsync(403);
        await ops.AssertProblemAsync(403);
    }

    [TestMethod]
    public async Task An_ops_key_on_an_agent_endpoint_gets_403()
    {
        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/agent/me", Keys.Ops);

        // Assert
        await response.AssertProblemAsync(403);
    }

    [TestMethod]
    public async Task A_customer_sees_itself_and_gets_404_for_another_customer()
    {
        // Arrange
        var (aliceId, aliceKey) = await Keys.NewCustomerAsync("Alice KK");
        var (bobId, _) = await Keys.NewCustomerAsync("Bob KK");

        // Act
        using var own = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/customers/{aliceId}", aliceKey);
        using var other = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/customers/{bobId}", aliceKey);
        using var byOps = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/customers/{bobId}", Keys.Ops);

        // Assert
        Assert.AreEqual(HttpStatusCode.OK, own.StatusCode);
        Assert.AreEqual("Alice KK", (await own.ReadJsonAsync()).GetProperty("name").GetString());
        await other.AssertProblemAsync(404);
        Assert.AreEqual(HttpStatusCode.OK, byOps.StatusCode);
    }

    [TestMethod]
    public async Task A_rotated_customer_key_replaces_the_old_one_at_once()
    {
        // Arrange
        var (id, oldKey) = await Keys.NewCustomerAsync();

        // Act
        using var rotated = await ServiceHost.Client.SendAsync(HttpMethod.Post, $"api/ops/customers/{id}/keys", Keys.Ops);
        var newKey = (await rotated.ReadJsonAsync()).GetProperty("apiKey").GetString();
        using var withOld = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/customers/{id}", oldKey);
        using var withNew = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/customers/{id}", newKey);

        // Assert
        Assert.AreEqual(HttpStatusCode.Created, rotated.StatusCode);
        Assert.AreNotEqual(oldKey, newKey);
        await withOld.AssertProblemAsync(401);
        Assert.AreEqual(HttpStatusCode.OK, withNew.StatusCode);
    }

    [TestMethod]
    public async Task Rotating_the_key_of_an_unknown_customer_gets_404()
    {
        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/ops/customers/cus-ffffffffffffffff/keys", Keys.Ops);

        // Assert
        await response.AssertProblemAsync(404);
    }
}
