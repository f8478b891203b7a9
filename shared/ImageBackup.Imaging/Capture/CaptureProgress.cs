namespace ImageBackup.Imaging.Capture;

/// <summary>Progress of a capture, so a front end can show bytes, throughput and ETA.</summary>
/// <param name="BytesRead">Bytes of the image read so far.</param>
/// <param name="TotalBytes">Size of the image when known (seekable sources).</param>
/// <param name="NewBytesStored">Bytes of new chunk blobs written so far.</param>
public sealed record CaptureProgress(long BytesRead, long? TotalBytes, long NewBytesStored);
