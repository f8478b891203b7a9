using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ImageBackup.Imaging.Tests.Support;

/// <summary>Records every HTTP request the Azure SDK sends (method and path), so tests can count what a capture asked the blob service.</summary>
internal sealed class RequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<(string Method, string Path)> requests = new();

    public IReadOnlyList<(string Method, string Path)> Requests => requests.ToArray();

    public int Count(string method, string pathContains) =>
        requests.Count(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal));

    public void Clear() => requests.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message) => requests.Enqueue((message.Request.Method.Method, message.Request.Uri.Path));
}
