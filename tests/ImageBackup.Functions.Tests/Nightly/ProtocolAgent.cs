using System.Net;
using System.Text.Json;
using ImageBackup.Imaging.Capture;
using ImageBackup.Imaging.Manifests;
using ImageBackup.Imaging.Storage;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests.Nightly;

/// <summary>
/// Speaks the agent side of docs/nightly-captures.md over HTTP with the real capture pipeline, step by step, so service
/// tests can report late, fail on purpose or try someone else's capture. (The shipped daemon is tested in the agent tests.)
/// </summary>
internal sealed class ProtocolAgent(HttpClient client, string contractId, string agentKey)
{
    public string ContractId { get; } = contractId;

    public string Key { get; } = agentKey;

    /// <summary>Places an order for <paramref name="plans"/> and enrolls its agent.</summary>
    public static async Task<ProtocolAgent> OrderAndEnrollAsync(HttpClient client, string customerKey, params string[] plans)
    {
        using var order = await client.SendAsync(HttpMethod.Post, "api/orders", customerKey, Orders.Body(plans));
        var contract = await order.ReadJsonAsync();
        Assert.AreEqual(HttpStatusCode.Created, order.StatusCode, contract.ToString());
        using var enrolled = await client.SendAsync(HttpMethod.Post, "api/agent/enrollment", body: new { enrollmentToken = contract.GetProperty("enrollmentToken").GetString() });
        var agent = await enrolled.ReadJsonAsync();
        Assert.AreEqual(HttpStatusCode.Created, enrolled.StatusCode, agent.ToString());
        return new ProtocolAgent(client, contract.GetProperty("id").GetString()!, agent.GetProperty("agentKey").GetString()!);
    }

    /// <summary>Long-polls until a command arrives (fails the test after <paramref name="patience"/>).</summary>
    public async Task<JsonElement> NextCommandAsync(TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "api/agent/commands/next?wait=10s", Key);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.ReadJsonAsync()).GetProperty("payload");
            }

            Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        }

        throw new AssertFailedException($"No command for {ContractId} within {patience}.");
    }

    /// <summary>Captures <paramref name="imagePath"/> into the command's store and returns the manifest.</summary>
    public static async Task<ImageManifest> CaptureAsync(JsonElement command, string imagePath)
    {
        var store = ChunkStoreFactory.Open(command.GetProperty("store").GetString()!);
        await using var source = File.OpenRead(imagePath);
        var options = new CaptureOptions { Source = new SourceMetadata("web01", "rhel7", imagePath, DateTimeOffset.UtcNow, "test") };
        return await new ImageCapturer(store).CaptureAsync(source, options);
    }

    /// <summary>Reports a completed capture.</summary>
    public Task<HttpResponseMessage> ReportCompletedAsync(string captureId, string generationId) =>
        client.SendAsync(HttpMethod.Post, $"api/agent/captures/{captureId}/completed", Key, new { generationId, durationSeconds = 1.5 });

    /// <summary>Reports a failed capture.</summary>
    public Task<HttpResponseMessage> ReportFailedAsync(string captureId, string reason) =>
        client.SendAsync(HttpMethod.Post, $"api/agent/captures/{captureId}/failed", Key, new { reason, exitCode = 3 });
}
