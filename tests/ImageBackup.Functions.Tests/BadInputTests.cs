using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    [DataRow("{\"date\":", "body", "json")]
    [DataRow("{\"date\":20261201}", "date", "type")]
    [DataRow("{\"date\":\"2026-13-01\"}", "date", "format")]
    [DataRow("{\"date\":\"2026-12-01\",\"servers\":[\"a b\"]}", "servers[0]", "format")]
    [DataRow("{\"date\":\"2026-12-01\",\"servers\":[\"a\",\"a\"]}", "servers[1]", "duplicate")]
    [DataRow("{\"date\":\"2026-12-01\",\"maxInFlight\":0}", "maxInFlight", "range")]
    [DataRow("{}", "date", "required")]
    public async Task A_bad_nightly_run_request_gets_400_naming_the_field_and_rule(string body, string field, string rule)
    {
        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", Keys.Ops, body);

        // Assert
        var problem = await response.AssertProblemAsync(400);
        var error = problem.GetProperty("errors").EnumerateArray().First();
        Assert.AreEqual(field, error.GetProperty("field").GetString(), problem.ToString());
        Assert.AreEqual(rule, error.GetProperty("rule").GetString(), problem.ToString());
    }

    [TestMethod]
    public async Task A_body_over_64_kilobytes_gets_413_and_starts_nothing()
    {
        // Arrange
        var servers = Enumerable.Range(0, 9000).Select(i => $"server-name-{i:D6}").ToList();

        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", Keys.Ops, new { date = "2031-09-09", servers });
        using var status = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/ops/nightly-runs/2031-09-09", Keys.Ops);

        // Assert
        await response.AssertProblemAsync(413);
        await status.AssertProblemAsync(404);
    }

    [TestMethod]
    [DataRow("{\"name\":\"\",\"email\":\"it@example.co.jp\"}", "name", "required")]
    [DataRow("{\"name\":\"KK\",\"email\":\"not an address\"}", "email", "format")]
    [DataRow("{\"name\":\"KK\"}", "email", "required")]
    [DataRow("[1,2]", "body", "json")]
    public async Task A_bad_customer_registration_gets_400_naming_the_field(string body, string field, string rule)
    {
        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/ops/customers", Keys.Ops, body);

        // Assert
        var problem = await response.AssertProblemAsync(400);
        var error = problem.GetProperty("errors").EnumerateArray().First();
        Assert.AreEqual(field, error.GetProperty("field").GetString(), problem.ToString());
        Assert.AreEqual(rule, error.GetProperty("rule").GetString(), problem.ToString());
    }

    [TestMethod]
    public async Task A_night_status_with_a_malformed_date_gets_400()
    {
        // Act
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Get, "api/ops/nightly-runs/2026-02-30", Keys.Ops);

        // Assert
        var problem = await response.AssertProblemAsync(400);
        Assert.AreEqual("date", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }
}
