using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.Imaging.IO;

/// <summary>
/// Opens files with O_DIRECT on Linux and writes the aligned part of a buffer through it, so large writes (restored
/// images, chunk files) skip the copy into the page cache: on the measured VM that copy cost more CPU than hashing
/// (docs/image-format.md §10). Anything unaligned, and every file system that refuses O_DIRECT, goes through the
/// normal buffered handle. IMAGEBACKUP_DIRECT_IO=off turns it off.
/// </summary>
internal static partial class DirectFile
{
    /// <summary>Alignment of offsets, lengths and buffer addresses for O_DIRECT (covers 512-byte and 4 KiB sectors).</summary>
    public const int Alignment = 4096;

    private const int WriteOnly = 0x1;
    private const int CloseOnExec = 0x80000;
    private const int InvalidArgument = 22;
    private static volatile bool refused;

    /// <summary>True while O_DIRECT may be tried on this machine.</summary>
    public static bool Enabled =>
        !refused && OperatingSystem.IsLinux() && DirectFlag != 0
        && !string.Equals(Environment.GetEnvironmentVariable("IMAGEBACKUP_DIRECT_IO"), "off", StringComparison.OrdinalIgnoreCase);

    private static int DirectFlag => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => 0,
    };

    /// <summary>Opens an existing file for O_DIRECT writes, or returns null when that is not possible here.</summary>
    public static SafeFileHandle? TryOpenForWrite(string path)
    {
        if (!Enabled)
        {
            return null;
        }
        var fd = Open(path, WriteOnly | CloseOnExec | DirectFlag, 0);
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>
    /// Writes <paramref name="data"/> at <paramref name="offset"/>: the aligned prefix through <paramref name="direct"/>
    /// when given and the buffer, offset and length allow it, the rest (or all) through <paramref name="buffered"/>.
    /// Returns false once the file system refused an O_DIRECT write (the caller drops its direct handle).
    /// </summary>
    public static bool Write(SafeFileHandle buffered, SafeFileHandle? direct, ReadOnlySpan<byte> data, long offset)
    {
        var usable = direct is not null && offset % Alignment == 0 && IsAligned(data) ? data.Length / Alignment * Alignment : 0;
        var directOk = true;
        if (usable > 0)
        {
            try
            {
                RandomAccess.Write(direct!, data[..usable], offset);
            }
            catch (IOException e) when (e.HResult == InvalidArgument)
            {
                refused = true;
                directOk = false;
                usable = 0;
            }
        }
        if (usable < data.Length)
        {
            RandomAccess.Write(buffered, data[usable..], offset + usable);
        }
        return directOk;
    }

    private static unsafe bool IsAligned(ReadOnlySpan<byte> data) =>
        (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(data)) % Alignment == 0;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);
}
