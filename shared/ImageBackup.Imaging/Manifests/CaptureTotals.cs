namespace ImageBackup.Imaging.Manifests;

/// <summary>Counters of one capture, so billing and operators can see how much was read and how much was new.</summary>
/// <param name="BytesRead">Bytes of the image covered (the image size).</param>
/// <param name="DataChunks">Chunks referenced by the manifest (with repeats).</param>
/// <param name="NewChunks">Chunks this capture added to the store.</param>
/// <param name="NewBytesStored">Bytes of chunk blobs this capture added (after compression).</param>
/// <param name="ZeroBytes">Bytes of the image recorded as zero extents.</param>
public sealed record CaptureTotals(long BytesRead, long DataChunks, long NewChunks, long NewBytesStored, long ZeroBytes);
