using System.Globalization;
using System.Net;
using System.Text.Json;
using ImageBackup.Testing;

namespace ImageBackup.Agent.Tests.Daemon;

/// <summary>
/// The real service for the daemon tests: a local host (child process, Azurite from AzureWebJobsStorage) whose clock
/// starts a few seconds into the night of <see cref="ClockStart"/> and whose tables nobody else uses, and the customer and
/// ops calls that set a night up.
/// </summary>
internal sealed class NightlyService(LocalHostProcess host) : IAsyncDisposable
{
    /// <summary>The host's clock at start: 5 s into the night of 2031-03-10 (JST), a date no other test uses.</summary>
    public const string ClockStart = "2031-03-10T00:00:05+09:00";

    public HttpClient Client => host.Client;

    public Uri BaseAddress => host.BaseAddress;

    public string Output => host.Output;

    public static async Task<NightlyService> StartAsync() =>
        new(await LocalHostProcess.StartAsync(LocalHostProcess.UniqueTaskHub("agentd"), new Dictionary<string, string>
        {
            ["ImageBackup__Clock__Now"] = ClockStart,
            ["ImageBackup__TablePrefix"] = "agentd" + Guid.NewGuid().ToString("N")[..8], // a world of its own: no other test's contracts in its nights
        }));

    /// <summary>A new customer's key and one order of theirs: the contract id and its one-time enrollment token.</summary>
    public async Task<Order> PlaceOrderAsync()
    {
        using var customer = await Client.SendAsync(HttpMethod.Post, "api/ops/customers", LocalHostProcess.OpsKey, new { name = "Daemon KK", email = "daemon@example.co.jp" });
        var customerBody = await customer.ReadJsonAsync();
        Assert.AreEqual(HttpStatusCode.Created, customer.StatusCode, customerBody.ToString());
        var customerKey = customerBody.GetProperty("apiKey").GetString()!;
        using var order = await Client.SendAsync(HttpMethod.Post, "api/orders", customerKey, new
        {
            server = new { hostname = "web01.example.co.jp", ipAddress = "203.0.113.10", os = "rhel7", capacityBytes = 500_000_000_000L },
            plans = new[] { "backup-D7" },
        });
        var body = await order.ReadJsonAsync();
        Assert.AreEqual(HttpStatusCode.Created, order.StatusCode, body.ToString());
        return new Order(customerKey, body.GetProperty("id").GetString()!, body.GetProperty("enrollmentToken").GetString()!);
    }

    /// <summary>Starts the run of <paramref name="night"/> through the ops API.</summary>
    public async Task StartNightAsync(DateOnly night)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "api/ops/nightly-runs", LocalHostProcess.OpsKey,
            new { date = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), maxInFlight = 1000 });
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The contract's backups as its customer sees them, once there is at least one (or an empty list after a minute).</summary>
    public async Task<JsonElement> WaitForBackupsAsync(Order order)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Client.SendAsync(HttpMethod.Get, $"api/contracts/{order.ContractId}/backups", order.CustomerKey);
            var body = await response.ReadJsonAsync();
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body.ToString());
            if (body.GetArrayLength() > 0 || DateTime.UtcNow > until)
            {
                return body;
            }
            await Task.Delay(250);
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    /// <summary>An order placed for a test.</summary>
    internal sealed record Order(string CustomerKey, string ContractId, string EnrollmentToken)
    {
        /// <summary>The capture id of the first attempt of <paramref name="night"/> (docs/nightly-captures.md §2).</summary>
        public string CaptureId(DateOnly night) => string.Create(CultureInfo.InvariantCulture, $"cap-{night:yyyyMMdd}-{ContractId["ctr-".Length..]}-1");
    }
}
