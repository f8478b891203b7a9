using System.Buffers.Binary;
using System.Collections;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.Imaging.Manifests;

/// <summary>
/// The extents of a manifest kept in an unlinked temporary file (48 bytes each: offset, length, SHA-256 or zeros) and
/// materialised one at a time on access, so a capture of a multi-terabyte disk does not hold millions of extent
/// objects in memory. The file disappears when the list is collected (its handle is the only reference).
/// </summary>
internal sealed class FileBackedExtentList : IReadOnlyList<ChunkExtent>
{
    /// <summary>Bytes per extent record.</summary>
    public const int RecordSize = 16 + 32;

    private readonly SafeFileHandle handle;

    private FileBackedExtentList(SafeFileHandle handle, int count)
    {
        this.handle = handle;
        Count = count;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public ChunkExtent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            Span<byte> record = stackalloc byte[RecordSize];
            if (RandomAccess.Read(handle, record, (long)index * RecordSize) != RecordSize)
            {
                throw new EndOfStreamException("the extent list file ended early");
            }
            return Decode(record);
        }
    }

    /// <summary>Writes extent records; <see cref="Complete"/> turns them into a list.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly string path = Path.Combine(Path.GetTempPath(), $"imagebackup-extents-{Guid.NewGuid():N}");
        private readonly FileStream file;
        private int count;
        private long zeroStart = -1;
        private long zeroLength;

        /// <summary>Creates the temporary file.</summary>
        public Writer() => file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite, 1 << 16);

        /// <summary>Appends a data extent.</summary>
        public void AddData(long offset, long length, ReadOnlySpan<byte> id)
        {
            FlushZeros();
            Append(offset, length, id);
        }

        /// <summary>Appends an extent as it is (no merging); <paramref name="id"/> is empty for zeros.</summary>
        public void AddExtent(long offset, long length, ReadOnlySpan<byte> id)
        {
            FlushZeros();
            Append(offset, length, id);
        }

        /// <summary>Appends zeros, merged with a zero extent just before them.</summary>
        public void AddZeros(long offset, long length)
        {
            if (zeroStart < 0)
            {
                zeroStart = offset;
                zeroLength = 0;
            }
            zeroLength += length;
        }

        private void FlushZeros()
        {
            if (zeroStart >= 0)
            {
                Append(zeroStart, zeroLength, default);
                zeroStart = -1;
            }
        }

        private void Append(long offset, long length, ReadOnlySpan<byte> id)
        {
            Span<byte> record = stackalloc byte[RecordSize];
            record.Clear();
            BinaryPrimitives.WriteInt64LittleEndian(record, offset);
            BinaryPrimitives.WriteInt64LittleEndian(record[8..], length);
            id.CopyTo(record[16..]);
            file.Write(record);
            count++;
        }

        /// <summary>Finishes the file and returns the list reading it; the file name is removed at once.</summary>
        public FileBackedExtentList Complete()
        {
            FlushZeros();
            file.Flush();
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            File.Delete(path);
            return new FileBackedExtentList(handle, count);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            file.Dispose();
            File.Delete(path);
        }
    }

    /// <inheritdoc />
    public IEnumerator<ChunkExtent> GetEnumerator()
    {
        var buffer = new byte[RecordSize * 1024];
        for (var first = 0; first < Count;)
        {
            var wanted = Math.Min(1024, Count - first);
            var span = buffer.AsSpan(0, wanted * RecordSize);
            var offset = (long)first * RecordSize;
            while (!span.IsEmpty)
            {
                var read = RandomAccess.Read(handle, span, offset);
                if (read == 0)
                {
                    throw new EndOfStreamException("the extent list file ended early");
                }
                span = span[read..];
                offset += read;
            }
            for (var i = 0; i < wanted; i++)
            {
                yield return Decode(buffer.AsSpan(i * RecordSize, RecordSize));
            }
            first += wanted;
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static ChunkExtent Decode(ReadOnlySpan<byte> record)
    {
        var id = record[16..];
        return new ChunkExtent(
            BinaryPrimitives.ReadInt64LittleEndian(record),
            BinaryPrimitives.ReadInt64LittleEndian(record[8..]),
            id.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id));
    }
}
