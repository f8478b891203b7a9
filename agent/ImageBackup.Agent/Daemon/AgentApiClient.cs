using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace ImageBackup.Agent.Daemon;

/// <summary>
/// The agent's side of the HTTP protocol (docs/nightly-captures.md §1–§3): enrollment, the command long poll and
/// capture reports, each retried with back-off on transient failures (network errors, timeouts, 408, 429, 5xx).
/// The agent key goes only into the Authorization header, never into a log line.
/// </summary>
public sealed class AgentApiClient
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);
    private static readonly TimeSpan EnrollmentTimeout = TimeSpan.FromMinutes(5);
    private readonly HttpClient http;
    private readonly Uri api;
    private readonly RetryPolicy retry;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>Creates a client for the service at <paramref name="api"/> (its base URL, with or without a trailing <c>/api</c>).</summary>
    public AgentApiClient(HttpClient http, Uri api, RetryPolicy retry, TimeProvider time, ILogger logger)
    {
        this.http = http;
        this.api = ApiRoot(api);
        this.retry = retry;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The key sent as <c>Authorization: Bearer</c>; set after enrollment.</summary>
    public string? AgentKey { get; set; }

    /// <summary>The service's <c>…/api/</c> root.</summary>
    public static Uri ApiRoot(Uri baseUrl)
    {
        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (text.EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4];
        }
        return new Uri(text + "/api/");
    }

    /// <summary>Trades the one-time token for the agent's key; throws <see cref="AgentSetupException"/> when the service refuses it.</summary>
    /// <remarks>
    /// A token works once, so an attempt whose answer was lost (timeout) would make every retry a 409. The request
    /// therefore carries <paramref name="requestId"/> as <c>Idempotency-Key</c> (kept in the state directory across
    /// restarts) for a service that answers a repeated enrollment, and waits long for the answer.
    /// </remarks>
    public async Task<EnrollmentAnswer> EnrollAsync(string enrollmentToken, string requestId, CancellationToken cancellationToken)
    {
        var attempts = 0;
        using var response = await SendAsync(
            () =>
            {
                attempts++;
                var request = Post("agent/enrollment", new EnrollmentRequest(enrollmentToken), DaemonJsonContext.Default.EnrollmentRequest, authenticated: false);
                request.Headers.Add("Idempotency-Key", requestId);
                return request;
            },
            EnrollmentTimeout, "enrollment", cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            var lost = attempts > 1 && response.StatusCode == HttpStatusCode.Conflict
                ? " (an earlier attempt may have enrolled and its answer was lost; ask operations for a new token)"
                : "";
            throw new AgentSetupException(
                $"the service refused the enrollment token ({(int)response.StatusCode}){lost}: {LogSafe.Text(await response.Content.ReadAsStringAsync(cancellationToken))}",
                ExitCodes.Usage);
        }
        return await ReadAsync(response, DaemonJsonContext.Default.EnrollmentAnswer, cancellationToken);
    }

    /// <summary>Waits up to <paramref name="wait"/> for the next command; null when none came.</summary>
    public async Task<AgentCommandMessage?> NextCommandAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"agent/commands/next?wait={(int)wait.TotalSeconds}s");
        for (var attempt = 1; ; attempt++)
        {
            using var response = await SendAsync(() => Request(HttpMethod.Get, path), wait + TimeSpan.FromSeconds(30), "command poll", cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return await ReadAsync(response, DaemonJsonContext.Default.AgentCommandMessage, cancellationToken);
                case HttpStatusCode.NoContent:
                    return null;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new AgentSetupException(
                        $"the service refused the agent key ({(int)response.StatusCode}); enroll again with a new token", ExitCodes.StoreAccessDenied);
                default:
                    var delay = retry.DelayBefore(attempt);
                    logger.LogWarning("Command poll answered {Status}: {Detail}; polling again in {Delay:0.0} s",
                        (int)response.StatusCode, LogSafe.Text(await response.Content.ReadAsStringAsync(cancellationToken)), delay.TotalSeconds);
                    await Task.Delay(delay, time, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Reports a capture's outcome until the service answers it (202, or 4xx such as 404/409/422 that retrying cannot change).</summary>
    public async Task<ReportAnswer> ReportAsync(string captureId, CaptureOutcome outcome, CancellationToken cancellationToken)
    {
        var id = Uri.EscapeDataString(captureId);
        Func<HttpRequestMessage> request = outcome.Succeeded
            ? () => Post($"agent/captures/{id}/completed", new CaptureCompletedReport(outcome.GenerationId!, outcome.DurationSeconds), DaemonJsonContext.Default.CaptureCompletedReport)
            : () => Post($"agent/captures/{id}/failed", new CaptureFailedReport(outcome.Reason ?? "unknown", outcome.ExitCode), DaemonJsonContext.Default.CaptureFailedReport);
        using var response = await SendAsync(request, RequestTimeout, "report of " + captureId, cancellationToken);
        var status = (int)response.StatusCode;
        return new ReportAnswer(status, status == 202 ? null : LogSafe.Text(await response.Content.ReadAsStringAsync(cancellationToken)));
    }

    /// <summary>Whether an answer may change on retry: 408, 429 and 5xx.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            using (var timer = new CancellationTokenSource(timeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token))
            {
                try
                {
                    using var request = build();
                    var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
                    if (!IsTransient(response.StatusCode))
                    {
                        return response;
                    }
                    failure = $"HTTP {(int)response.StatusCode}";
                    response.Dispose();
                }
                catch (HttpRequestException e)
                {
                    failure = LogSafe.Text(e.Message, 120);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no answer within {timeout.TotalSeconds:0} s";
                }
            }
            var delay = retry.DelayBefore(attempt);
            logger.LogWarning("{What} failed ({Failure}); retry {Attempt} in {Delay:0.0} s", what, failure, attempt, delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, bool authenticated = true)
    {
        var request = new HttpRequestMessage(method, new Uri(api, path));
        if (authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AgentKey ?? throw new InvalidOperationException("the agent is not enrolled"));
        }
        return request;
    }

    private HttpRequestMessage Post<T>(string path, T body, JsonTypeInfo<T> type, bool authenticated = true)
    {
        var request = Request(HttpMethod.Post, path, authenticated);
        request.Content = JsonContent.Create(body, type);
        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                ?? throw new InvalidDataException($"the service answered {(int)response.StatusCode} with an empty body");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the service answered {(int)response.StatusCode} with unreadable JSON: {e.Message}", e);
        }
    }
}
