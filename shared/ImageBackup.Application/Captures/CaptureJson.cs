using System.Text.Json;

namespace ImageBackup.Application.Captures;

/// <summary>The JSON shape of capture payloads (camelCase, as the agent reads them).</summary>
public static class CaptureJson
{
    /// <summary>Web defaults: camelCase names, case-insensitive reads.</summary>
    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
