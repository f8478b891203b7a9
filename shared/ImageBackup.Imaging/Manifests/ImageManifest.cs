namespace ImageBackup.Imaging.Manifests;

/// <summary>The manifest of one generation: everything needed to rebuild the image from the chunk store, written last so a generation is whole or absent.</summary>
/// <param name="FormatVersion">Image format version (see docs/image-format.md).</param>
/// <param name="GenerationId">Sortable id of the generation.</param>
/// <param name="ImageSize">Size of the image in bytes.</param>
/// <param name="ChunkSize">Fixed chunk size used to cut the image.</param>
/// <param name="Extents">Ordered, contiguous runs covering the whole image.</param>
/// <param name="Source">Where and when the image was captured.</param>
/// <param name="Totals">Counters of the capture.</param>
public sealed record ImageManifest(
    int FormatVersion,
    string GenerationId,
    long ImageSize,
    int ChunkSize,
    IReadOnlyList<ChunkExtent> Extents,
    SourceMetadata Source,
    CaptureTotals Totals);
