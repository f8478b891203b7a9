using System.Text.Json;
using ImageBackup.Testing;

namespace ImageBackup.LocalHost.Tests;

/// <summary>Polls a night's status until its orchestration has completed.</summary>
internal static class NightlyRunPolling
{
    public static async Task<JsonElement> WaitForCompletionAsync(HttpClient client, string date, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"api/ops/nightly-runs/{date}", LocalHostProcess.OpsKey);
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                var body = JsonDocument.Parse(last).RootElement;
                var status = body.GetProperty("runtimeStatus").GetString();
                if (status == "Completed")
                {
                    return body.GetProperty("summary").Clone();
                }

                Assert.AreNotEqual("Failed", status, last);
            }

            await Task.Delay(500);
        }

        throw new AssertFailedException($"The night of {date} did not complete within {timeout}; last answer: {last}");
    }
}
