using System.Text.Json.Serialization;

namespace ImageBackup.Imaging.Manifests;

/// <summary>Source-generated JSON serializer for manifests, so no reflection is needed (trimming and AOT friendly, fast).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
