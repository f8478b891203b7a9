using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ImageBackup.Functions.Http;

/// <summary>Reads a JSON request body with a size limit, turning malformed input into a problem answer instead of an exception.</summary>
public static class JsonBody
{
    /// <summary>Largest accepted request body.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads and deserializes the body; on failure returns the problem answer to send.</summary>
    public static async Task<(T? Value, IActionResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ProblemResults.UnsupportedMediaType());
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, ProblemResults.TooLarge(MaxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, ProblemResults.TooLarge(MaxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, ProblemResults.Invalid("body", "required", "A JSON body is required."));
        }

        var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        try
        {
            using var syntax = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, ProblemResults.Invalid("body", "json", $"The body is not well-formed JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(json.Span, Options);
            return value is null
                ? (null, ProblemResults.Invalid("body", "json", "The JSON body must be an object, not null."))
                : (value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var rule = field == "body" ? "json" : "type";
            return (null, ProblemResults.Invalid(field, rule, field == "body"
                ? "The body must be a JSON object."
                : $"The field '{field}' has the wrong JSON type."));
        }
    }
}
