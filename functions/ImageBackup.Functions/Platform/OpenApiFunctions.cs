using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ImageBackup.Functions.Platform;

/// <summary>Serves the OpenAPI 3 description of the HTTP API (docs/openapi.json, embedded at build).</summary>
public sealed class OpenApiFunctions
{
    /// <summary>The manifest resource name of the embedded document.</summary>
    public const string ResourceName = "ImageBackup.Functions.openapi.json";

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary><c>GET /api/openapi.json</c>.</summary>
    [Function("GetOpenApiDocument")]
    public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        new ContentResult { Content = Document.Value, ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
}
