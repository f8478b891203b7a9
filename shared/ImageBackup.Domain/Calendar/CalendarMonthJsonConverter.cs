using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageBackup.Domain.Calendar;

/// <summary>Writes and reads <see cref="CalendarMonth"/> as the <c>"yyyy-MM"</c> string clients send, not as an object.</summary>
public sealed class CalendarMonthJsonConverter : JsonConverter<CalendarMonth>
{
    /// <inheritdoc />
    public override CalendarMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CalendarMonth.TryParse(reader.GetString(), out var month)
            ? month
            : throw new JsonException("A month must be a string in the form yyyy-MM.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CalendarMonth value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
