using ImageBackup.Imaging.IO;

namespace ImageBackup.Imaging.Restore;

/// <summary>
/// A run of consecutive data extents (up to a few MiB) decoded side by side into one aligned buffer and written with
/// one positional write once every chunk in it is verified, so a restore issues few large writes and never writes
/// unverified bytes.
/// </summary>
internal sealed class RestoreWindow(long offset, AlignedBuffer buffer)
{
    private readonly Lock gate = new();
    private int pending;
    private bool closed;

    /// <summary>Image offset of the first byte of the window.</summary>
    public long Offset { get; } = offset;

    /// <summary>Bytes of the window covered by extents so far.</summary>
    public int Length { get; private set; }

    /// <summary>The buffer the chunks are decoded into.</summary>
    public AlignedBuffer Buffer { get; } = buffer;

    /// <summary>True when an extent starting at <paramref name="extentOffset"/> of <paramref name="length"/> bytes continues this window and fits.</summary>
    public bool CanAppend(long extentOffset, long length) => extentOffset == Offset + Length && Length + length <= Buffer.Length;

    /// <summary>Reserves the next <paramref name="length"/> bytes for one extent and returns where they start in the buffer.</summary>
    public int Append(int length)
    {
        lock (gate)
        {
            var position = Length;
            Length += length;
            pending++;
            return position;
        }
    }

    /// <summary>Marks one extent decoded; true when this completed a closed window (the caller then writes it).</summary>
    public bool CompleteOne()
    {
        lock (gate)
        {
            pending--;
            return closed && pending == 0;
        }
    }

    /// <summary>Marks that no extent will be appended; true when every extent is already decoded (the caller then writes it).</summary>
    public bool Close()
    {
        lock (gate)
        {
            closed = true;
            return pending == 0;
        }
    }
}
