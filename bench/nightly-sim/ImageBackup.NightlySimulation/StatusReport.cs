using System.Text.Json;

namespace ImageBackup.NightlySimulation;

/// <summary>Reads what the ops API reports about a night without depending on its exact shape: numbers, and per-server statuses counted.</summary>
internal static class StatusReport
{
    /// <summary>Status → count over every array of objects with a <c>status</c> property.</summary>
    public static SortedDictionary<string, int> CountStatuses(JsonElement answer)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Walk(answer, counts);
        return counts;
    }

    /// <summary>The answer without arrays longer than <paramref name="keep"/> items (the per-server list of a big night).</summary>
    public static string Abridged(JsonElement answer, int keep = 3)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(answer, writer, keep);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Walk(JsonElement element, SortedDictionary<string, int> counts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String)
                    {
                        counts[status.GetString()!] = counts.GetValueOrDefault(status.GetString()!) + 1;
                    }
                    else
                    {
                        Walk(item, counts);
                    }
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, counts);
                }
                break;
        }
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, int keep)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer, keep);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var length = element.GetArrayLength();
                foreach (var item in element.EnumerateArray().Take(keep))
                {
                    Write(item, writer, keep);
                }
                if (length > keep)
                {
                    writer.WriteStringValue($"… {length - keep} more");
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
