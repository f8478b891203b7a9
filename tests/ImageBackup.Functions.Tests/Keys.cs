using System.Net;
using Azure.Data.Tables;
using ImageBackup.Application.Security;
using ImageBackup.Storage.Tables;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

/// <summary>Obtains keys of each role the way the service issues them.</summary>
internal static class Keys
{
    public const string Ops = LocalHostProcess.OpsKey;

    /// <summary>Registers a customer through the API and returns its id and key.</summary>
    public static async Task<(string Id, string Key)> NewCustomerAsync(string name = "Example KK")
    {
        using var response = await ServiceHost.Client.SendAsync(HttpMethod.Post, "api/ops/customers", Ops, new { name, email = "it@example.co.jp" });
        var body = await response.ReadJsonAsync();
        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, body.ToString());
        return (body.GetProperty("id").GetString()!, body.GetProperty("apiKey").GetString()!);
    }

    /// <summary>Issues an agent key straight into the key table, so role tests need no order and enrollment.</summary>
    public static async Task<string> NewAgentAsync(string customerId)
    {
        var store = new TableApiKeyStore(new TableProvisioner(new TableServiceClient(TestStorage.ConnectionString)));
        var key = ApiKeyFormat.NewKey(Role.Agent);
        await store.AddAsync(new ApiKeyRecord(ApiKeyFormat.Hash(key), Role.Agent, "agt-" + Guid.NewGuid().ToString("N")[..16], customerId, DateTimeOffset.UtcNow), CancellationToken.None);
        return key;
    }
}
