using System.Net;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed class PlanCatalogEndpointTests
{
    [TestMethod]
    public async Task The_plan_list_needs_no_key_and_holds_the_seven_plans_with_the_specs_fees()
    {
        // Act
        using var response = await ServiceHost.Client.GetAsync("api/plans");
        var plans = (await response.ReadJsonAsync()).EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!);

        // Assert
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.HasCount(7, plans);
        Assert.AreEqual(20_000, plans["backup-D14"].GetProperty("monthlyFee").GetInt64());
        Assert.AreEqual(10_000, plans["backup-D14"].GetProperty("initialFee").GetInt64());
        Assert.AreEqual(14, plans["backup-D14"].GetProperty("generations").GetInt32());
        Assert.AreEqual("weekly", plans["backup-W4"].GetProperty("schedule").GetString());
        Assert.AreEqual(35_000, plans["backup-HKD-200"].GetProperty("monthlyFee").GetInt64());
        Assert.AreEqual(200_000_000_000, plans["backup-HKD-200"].GetProperty("remoteQuotaBytes").GetInt64());
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, plans["backup-M6"].GetProperty("remoteQuotaBytes").ValueKind);
    }
}
