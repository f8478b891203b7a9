using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed class OrderBadInputTests
{
    private const string Server = "\"hostname\":\"web01.example.jp\",\"ipAddress\":\"203.0.113.5\",\"os\":\"centos7\",\"capacityBytes\":1000";

    [TestMethod]
    [DataRow("{\"server\":{" + Server + "},\"plans\":[\"backup-D8\"]}", "plans[0]")]
    [DataRow("{\"server\":{" + Server + "},\"plans\":[\"backup-D7\",\"backup-d7\"]}", "plans[1]")]
    [DataRow("{\"server\":{" + Server + "},\"plans\":[\"backup-HKD-100\",\"backup-HKD-200\"]}", "plans[1]")]
    [DataRow("{\"server\":{" + Server + "},\"plans\":[]}", "plans")]
    [DataRow("{\"server\":{\"hostname\":\"web01\",\"ipAddress\":\"203.0.113.5\",\"os\":\"ubuntu22\",\"capacityBytes\":1000},\"plans\":[\"backup-D7\"]}", "server.os")]
    [DataRow("{\"server\":{\"hostname\":\"web01\",\"ipAddress\":\"203.0.113.5\",\"os\":\"rhel6\",\"capacityBytes\":0},\"plans\":[\"backup-D7\"]}", "server.capacityBytes")]
    [DataRow("{\"server\":{\"hostname\":\"web01\",\"ipAddress\":\"203.0.113.5\",\"os\":\"rhel6\",\"capacityBytes\":-5},\"plans\":[\"backup-D7\"]}", "server.capacityBytes")]
    [DataRow("{\"server\":{\"hostname\":\"web01\",\"ipAddress\":\"203.0.113.5\",\"os\":\"rhel6\",\"capacityBytes\":2000000000001},\"plans\":[\"backup-D7\"]}", "server.capacityBytes")]
    [DataRow("{\"server\":{\"hostname\":\"web01\",\"ipAddress\":\"203.0.113.5\",\"os\":\"rhel6\",\"capacityBytes\":\"lots\"},\"plans\":[\"backup-D7\"]}", "server.capacityBytes")]
    [DataRow("{\"server\":{\"hostname\":\"web01\",\"ipAddress\":\"300.1.1.1\",\"os\":\"rhel6\",\"capacityBytes\":1},\"plans\":[\"backup-D7\"]}", "server.ipAddress")]
    [DataRow("{\"server\":{\"hostname\":\"web 01\",\"ipAddress\":\"203.0.113.5\",\"os\":\"rhel6\",\"capacityBytes\":1},\"plans\":[\"backup-D7\"]}", "server.hostname")]
    [DataRow("{\"server\":{\"hostname\":\"web01\",\"ipAddress\":\"203.0.113.5\",\"os\":\"rhel6\",\"capacityBytes\":1},\"plans\":\"backup-D7\"}", "plans")]
    [DataRow("{\"server\":", "body")]
    public async Task A_bad_order_gets_400_naming_the_field_and_stores_nothing(string body, string field)
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();

        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/orders", key, body);
        using var list = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/contracts", key);

        // Assert
        var problem = await response.AssertProblemAsync(400);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        CollectionAssert.Contains(fields, field, problem.ToString());
        Assert.IsTrue(problem.GetProperty("errors")[0].TryGetProperty("rule", out _));
        Assert.AreEqual(0, (await list.ReadJsonAsync()).GetArrayLength());
    }

    [TestMethod]
    public async Task A_host_name_of_300_characters_is_refused()
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();
        var name = string.Join('.', Enumerable.Repeat(new string('a', 59), 5));

        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/orders", key,
            new { server = new { hostname = name, ipAddress = "2001:db8::5", os = "windows2016", capacityBytes = 1 }, plans = new[] { "backup-D7" } });

        // Assert
        var problem = await response.AssertProblemAsync(400);
        Assert.AreEqual("server.hostname", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [TestMethod]
    [DataRow("2027-13")]
    [DataRow("2020-01")]
    [DataRow("next-month")]
    public async Task A_bad_cancellation_month_gets_400_and_changes_nothing(string endMonth)
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();
        var id = await Orders.PlaceAsync(ServiceHost.Client, key, "backup-D7");

        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, $"api/contracts/{id}/cancellation", key, new { endMonth });
        using var after = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}", key);

        // Assert
        var problem = await response.AssertProblemAsync(400);
        Assert.AreEqual("endMonth", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.AreEqual("pending-activation", (await after.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task An_order_body_over_64_kilobytes_gets_413_and_stores_nothing()
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();
        var plans = Enumerable.Repeat("backup-D7", 8000).ToArray();

        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/orders", key, Orders.Body(plans));
        using var list = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/contracts", key);

        // Assert
        await response.AssertProblemAsync(413);
        Assert.AreEqual(0, (await list.ReadJsonAsync()).GetArrayLength());
    }

    [TestMethod]
    public async Task Cancelling_for_the_current_month_is_past_its_deadline()
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();
        var id = await Orders.PlaceAsync(ServiceHost.Client, key, "backup-D7");
        var currentMonth = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, $"api/contracts/{id}/cancellation", key, new { endMonth = currentMonth });

        // Assert
        var problem = await response.AssertProblemAsync(400);
        Assert.AreEqual("endMonth", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [TestMethod]
    [DataRow("ctr-0000000000000000")]
    [DataRow("ctr-..%2F..%2Fx")]
    [DataRow("ctr-%23x")]
    [DataRow("ctr-%3Fx")]
    [DataRow("ctr-%01x")]
    public async Task Ids_that_do_not_exist_or_carry_special_characters_get_404(string id)
    {
        // Arrange
        var (_, key) = await Keys.NewCustomerAsync();

        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Get, $"api/contracts/{id}", key);

        // Assert
        await response.AssertProblemAsync(404);
    }
}
