using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ImageBackup.Testing;

/// <summary>Short ways to call the API with a key, so tests read as the calls they make.</summary>
public static class ApiRequests
{
    /// <summary>Sends a request with an optional bearer key and JSON body.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? key = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = body is string text
                ? new StringContent(text, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }

    /// <summary>Reads the body as a JSON document.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new AssertFailedException($"Expected JSON, got {(int)response.StatusCode}: '{text}'", e);
        }
    }

    /// <summary>Asserts a problem answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, (int)response.StatusCode, body);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
