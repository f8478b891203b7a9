using System.Text.Json;

namespace ImageBackup.LocalHost.Configuration;

/// <summary>Reads the <c>Values</c> of a Functions <c>local.settings.json</c> into configuration, so both hosts read the same file.</summary>
public static class LocalSettingsSource
{
    /// <summary>The file name the Functions tools use.</summary>
    public const string FileName = "local.settings.json";

    /// <summary>Finds local.settings.json in the working folder or the nearest folder above it that holds ImageBackup.sln.</summary>
    public static string? Locate(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(folder.FullName, "ImageBackup.sln")))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Reads the <c>Values</c> object; keys use <c>__</c> or <c>:</c> as section separators.</summary>
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] =
                    property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return values;
    }
}
