using System.Text.Json.Serialization;

namespace ImageBackup.Imaging.Manifests;

/// <summary>One run of the image: either the content of a chunk, or zeros when <see cref="ChunkId"/> is null, so zero runs cost nothing to store.</summary>
/// <param name="Offset">Offset of the run in the image.</param>
/// <param name="Length">Length of the run in bytes.</param>
/// <param name="ChunkId">Id of the chunk holding the run, or null for zeros.</param>
public sealed record ChunkExtent(long Offset, long Length, string? ChunkId)
{
    /// <summary>True when the run is all zeros and references no chunk.</summary>
    [JsonIgnore]
    public bool IsZero => ChunkId is null;
}
