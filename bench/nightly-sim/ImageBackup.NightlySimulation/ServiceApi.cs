using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ImageBackup.NightlySimulation;

/// <summary>The customer and ops calls the simulation makes to set up a fleet and run a night, retried on 5xx and timeouts (the host is busy).</summary>
internal sealed class ServiceApi(HttpClient http, Uri api)
{
    private readonly Uri root = new(api.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");

    /// <summary>Sends a JSON request and returns the status and body; throws after repeated transient failures.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? key, string? json = null, string? idempotencyKey = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(root, path));
                if (key is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                }
                if (idempotencyKey is not null)
                {
                    request.Headers.Add("Idempotency-Key", idempotencyKey);
                }
                if (json is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                using var response = await http.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                if ((int)response.StatusCode >= 500 && attempt < 8)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt));
                    continue;
                }
                var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
                return (response.StatusCode, body);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && attempt < 8)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    /// <summary>Like <see cref="SendAsync"/>, but fails unless the status is <paramref name="expected"/>.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode expected, HttpMethod method, string path, string? key, string? json = null, string? idempotencyKey = null)
    {
        var (status, body) = await SendAsync(method, path, key, json, idempotencyKey);
        if (status != expected)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)status}, expected {(int)expected}: {body}");
        }
        return body;
    }
}
