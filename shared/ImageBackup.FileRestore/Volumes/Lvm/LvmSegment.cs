using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Volumes.Lvm;

/// <summary>One segment of a logical volume: a byte range of the LV spread over one (linear) or several (striped) PV areas.</summary>
/// <param name="Start">Offset of the segment in the LV.</param>
/// <param name="Length">Length in bytes.</param>
/// <param name="StripeSize">Bytes per stripe unit (ignored with one area).</param>
/// <param name="Areas">PV source and byte offset of each stripe's area.</param>
internal sealed record LvmSegment(long Start, long Length, long StripeSize, IReadOnlyList<(IRandomAccessSource Pv, long Offset)> Areas);
