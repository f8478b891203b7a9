using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ImageBackup.NightlySimulation;

/// <summary>Creates the fleet through the public API: one customer, N orders (a share activated by ops, the rest left pending), N images.</summary>
internal sealed class FleetBuilder(ServiceApi api, SimulationOptions options)
{
    private const int Concurrency = 16;

    public async Task<Fleet> CreateAsync()
    {
        var customer = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/ops/customers", options.OpsKey,
            """{"name":"Nightly Simulation KK","email":"sim@example.co.jp"}""");
        var customerId = customer.GetProperty("id").GetString()!;
        var customerKey = customer.GetProperty("apiKey").GetString()!;
        var servers = new SimServer[options.Servers];
        var run = Guid.NewGuid().ToString("N")[..8];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Servers), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            servers[i] = await CreateServerAsync(i, customerKey, run);
            if (Interlocked.Increment(ref done) % 250 == 0)
            {
                Console.Error.WriteLine($"sim: {done} of {options.Servers} orders placed");
            }
        });
        return new Fleet(customerId, customerKey, servers);
    }

    private async Task<SimServer> CreateServerAsync(int index, string customerKey, string run)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["server"] = new Dictionary<string, object>
            {
                ["hostname"] = string.Create(CultureInfo.InvariantCulture, $"sim{index:D5}.example.co.jp"),
                ["ipAddress"] = string.Create(CultureInfo.InvariantCulture, $"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}"),
                ["os"] = "rhel7",
                ["capacityBytes"] = 500_000_000_000L,
            },
            ["plans"] = new[] { "backup-D7", "backup-W4" },
        });
        var order = await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/orders", customerKey, body, idempotencyKey: $"sim-{run}-{index}");
        var contractId = order.GetProperty("id").GetString()!;
        var token = order.GetProperty("enrollmentToken").GetString()!;
        var active = index % 100 >= options.PendingPercent;
        if (active)
        {
            await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"api/ops/contracts/{contractId}/activation", options.OpsKey,
                $$"""{"billingStart":"{{options.Night:yyyy-MM-dd}}"}""");
        }
        var folder = Directory.CreateDirectory(Path.Combine(options.WorkDirectory, "servers", index.ToString("D5", CultureInfo.InvariantCulture))).FullName;
        var image = Path.Combine(folder, "disk.img");
        var mib = options.MinMiB + index % (options.MaxMiB - options.MinMiB + 1);
        DiskImages.Write(image, mib, options.DataPercent, seed: index);
        return new SimServer(index, contractId, token, active, image, Path.Combine(folder, "state"));
    }
}
