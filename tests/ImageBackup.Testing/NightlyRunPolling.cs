using System.Net;
using System.Text.Json;

namespace ImageBackup.Testing;

/// <summary>Waits for a night to finish through the ops API, as an operator would, so every test reads a night the same way.</summary>
public static class NightlyRunPolling
{
    /// <summary>Polls <c>GET /api/ops/nightly-runs/{date}</c> until the run completed; returns the whole answer.</summary>
    public static async Task<JsonElement> WaitForCompletionAsync(HttpClient client, string date, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"api/ops/nightly-runs/{date}", LocalHostProcess.OpsKey);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.ReadJsonAsync();
                last = body.ToString();
                var status = body.GetProperty("runtimeStatus").GetString();
                if (status is "Completed" or "Failed" or "Terminated")
                {
                    Assert.AreEqual("Completed", status, last);
                    return body;
                }
            }

            await Task.Delay(500);
        }

        throw new AssertFailedException($"The night of {date} did not complete within {patience}; last answer: {last}");
    }

    /// <summary>The outcome of one server in a night's answer.</summary>
    public static JsonElement ServerOutcome(JsonElement night, string contractId) =>
        night.GetProperty("servers").EnumerateArray().Single(s => s.GetProperty("contractId").GetString() == contractId);
}
