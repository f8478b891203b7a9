using System.Net;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

/// <summary>Places orders through the API, so contract tests start from what a customer really gets.</summary>
internal static class Orders
{
    public static object Body(params string[] plans) => new
    {
        server = new { hostname = "web01.example.co.jp", ipAddress = "203.0.113.10", os = "rhel7", capacityBytes = 500_000_000_000L },
        plans,
    };

    /// <summary>Orders <paramref name="plans"/> as the customer with <paramref name="key"/> and returns the contract id.</summary>
    public static async Task<string> PlaceAsync(HttpClient client, string key, params string[] plans)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "api/orders", key, Body(plans));
        var body = await response.ReadJsonAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>Registers a customer on <paramref name="client"/>'s host.</summary>
    public static async Task<string> NewCustomerKeyAsync(HttpClient client)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "api/ops/customers", LocalHostProcess.OpsKey, new { name = "Flow KK", email = "flow@example.co.jp" });
        var body = await response.ReadJsonAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body.ToString());
        return body.GetProperty("apiKey").GetString()!;
    }
}
