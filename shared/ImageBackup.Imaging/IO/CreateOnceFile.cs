using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.Imaging.IO;

/// <summary>
/// Puts a file under its name only once it is whole, and never in place of an existing file, so a killed writer leaves
/// no partial chunk or manifest under a real name and a racing writer cannot replace one. The content goes to an
/// unnamed file (Linux <c>O_TMPFILE</c>: no temporary name to create and remove, nothing left behind by a crash) or,
/// where that is not available, to a <c>.tmp-</c> name in the same folder; then it is hard-linked to its name, which
/// fails when the name exists.
/// </summary>
public static partial class CreateOnceFile
{
    /// <summary>Prefix of the temporary names used where unnamed files are not available.</summary>
    public const string TemporaryPrefix = ".tmp-";

    private const int AtCurrentFolder = -100;
    private const int AtSymlinkFollow = 0x400;
    private const int WriteOnly = 0x1;
    private const int CloseOnExec = 0x80000;
    private const int NoSuchFile = 2;
    private const int FileExists = 17;
    private static readonly bool ProcessFilesVisible = OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd");
    private static volatile bool unnamedRefused;

    /// <summary>
    /// Creates <paramref name="path"/> with <paramref name="content"/> (flushed to disk when <paramref name="durable"/>);
    /// <paramref name="beforeLink"/> may act on the written file first. Returns false, changing nothing, when the name
    /// exists. <paramref name="preferUnnamed"/> false forces the temporary-name way (tests).
    /// </summary>
    public static bool Create(string path, ReadOnlyMemory<byte> content, bool durable, Action<SafeFileHandle>? beforeLink = null, bool preferUnnamed = true) =>
        Create(path, file =>
        {
            RandomAccess.Write(file, content.Span, 0);
            if (durable)
            {
                RandomAccess.FlushToDisk(file);
            }
            beforeLink?.Invoke(file);
        }, preferUnnamed);

    /// <summary>Creates <paramref name="path"/> with the rest of <paramref name="content"/>, flushed to disk; false when the name exists.</summary>
    public static bool Create(string path, Stream content) =>
        Create(path, file =>
        {
            // Positional writes, not a FileStream: disposing one would close the handle before it is linked.
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                long offset = 0;
                for (int read; (read = content.Read(buffer)) > 0; offset += read)
                {
                    RandomAccess.Write(file, buffer.AsSpan(0, read), offset);
                }
                RandomAccess.FlushToDisk(file);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }, preferUnnamed: true);

    private static bool Create(string path, Action<SafeFileHandle> write, bool preferUnnamed)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (preferUnnamed && OpenUnnamed(folder) is { } unnamed)
        {
            using (unnamed)
            {
                write(unnamed);
                return Link($"/proc/self/fd/{unnamed.DangerousGetHandle()}", path, AtSymlinkFollow);
            }
        }
        var temporary = Path.Combine(folder, TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            using (var file = OpenNamed(temporary, folder))
            {
                write(file);
            }
            return Link(temporary, path, 0);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Opens an unnamed file in <paramref name="folder"/> (made when missing), or null where the system has none.</summary>
    private static SafeFileHandle? OpenUnnamed(string folder)
    {
        if (unnamedRefused || UnnamedFlag == 0 || !ProcessFilesVisible)
        {
            return null;
        }
        var fd = Open(folder, UnnamedFlag | WriteOnly | CloseOnExec, 0x1B6);
        if (fd < 0 && Marshal.GetLastPInvokeError() == NoSuchFile)
        {
            Directory.CreateDirectory(folder);
            fd = Open(folder, UnnamedFlag | WriteOnly | CloseOnExec, 0x1B6);
        }
        if (fd >= 0)
        {
            return new SafeFileHandle(fd, ownsHandle: true);
        }
        // A file system or kernel without O_TMPFILE (EOPNOTSUPP, EISDIR, EINVAL): temporary names from now on.
        unnamedRefused = true;
        return null;
    }

    /// <summary>Creates <paramref name="path"/>; its folder is made only when the create finds it missing (once per shard).</summary>
    private static SafeFileHandle OpenNamed(string path, string folder)
    {
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(folder);
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
    }

    private static bool Link(string source, string path, int flags)
    {
        if (OperatingSystem.IsWindows())
        {
            // MoveFileEx without MOVEFILE_REPLACE_EXISTING fails when the name exists, atomically.
            try
            {
                File.Move(source, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        if (LinkAt(AtCurrentFolder, source, AtCurrentFolder, path, flags) == 0)
        {
            return true;
        }
        var error = Marshal.GetLastPInvokeError();
        return error == FileExists
            ? false
            : throw new IOException($"cannot create {path}: {Marshal.GetPInvokeErrorMessage(error)}", error);
    }

    /// <summary>O_TMPFILE (which includes O_DIRECTORY, whose value differs between architectures), or 0 where unknown.</summary>
    private static int UnnamedFlag => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x410000,
        Architecture.Arm64 or Architecture.Arm => 0x404000,
        _ => 0,
    };

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "linkat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LinkAt(int sourceFolder, string source, int targetFolder, string target, int flags);
}
