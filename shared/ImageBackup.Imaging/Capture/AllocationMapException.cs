namespace ImageBackup.Imaging.Capture;

/// <summary>Raised when the allocation map of the source cannot be read (not an ext file system, corrupt bitmaps), so the operator knows to capture without --used-blocks-only.</summary>
public sealed class AllocationMapException(string message, Exception inner) : Exception(message, inner);
