using System.Collections.Concurrent;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ImageBackup.Imaging.Storage;

/// <summary>
/// Counts the HTTP requests a blob store sends, retries included, by method, so a capture can say what it cost in
/// requests (storage bills per operation) and benchmarks can compare requests per GB with other tools.
/// </summary>
public sealed class HttpRequestTally : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> byMethod = new(StringComparer.Ordinal);

    /// <summary>Requests sent so far.</summary>
    public long Total => byMethod.Values.Sum();

    /// <summary>Requests sent so far with <paramref name="method"/> (e.g. <c>PUT</c>).</summary>
    public long Of(string method) => byMethod.TryGetValue(method, out var count) ? count : 0;

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        byMethod.AddOrUpdate(message.Request.Method.Method, 1, (_, count) => count + 1);
    }

    /// <summary>For logs: <c>16,120 HTTP requests (PUT 16,119, GET 1)</c>.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0:N0} HTTP requests ({1})",
        Total,
        string.Join(", ", byMethod.OrderByDescending(m => m.Value).Select(m => string.Format(CultureInfo.InvariantCulture, "{0} {1:N0}", m.Key, m.Value))));
}
