using System.Buffers;
using System.Runtime.InteropServices;

namespace ImageBackup.Imaging.IO;

/// <summary>
/// Native memory aligned to <see cref="DirectFile.Alignment"/>, usable as <see cref="Memory{T}"/>, so chunk blobs and
/// restore windows can be written with O_DIRECT (which needs aligned buffers) without a bounce copy.
/// </summary>
internal sealed unsafe class AlignedBuffer : MemoryManager<byte>
{
    private void* pointer;

    /// <summary>Allocates <paramref name="length"/> bytes (rounded up to the alignment), not cleared.</summary>
    public AlignedBuffer(int length)
    {
        Length = length;
        var allocated = (length + DirectFile.Alignment - 1) / DirectFile.Alignment * DirectFile.Alignment;
        pointer = NativeMemory.AlignedAlloc((nuint)Math.Max(allocated, DirectFile.Alignment), DirectFile.Alignment);
    }

    /// <summary>Usable length in bytes.</summary>
    public int Length { get; }

    /// <inheritdoc />
    public override Span<byte> GetSpan() => new(pointer, Length);

    /// <inheritdoc />
    public override MemoryHandle Pin(int elementIndex = 0) => new((byte*)pointer + elementIndex);

    /// <inheritdoc />
    public override void Unpin()
    {
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (pointer != null)
        {
            NativeMemory.AlignedFree(pointer);
            pointer = null;
        }
    }
}
