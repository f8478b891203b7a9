using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ImageBackup.Imaging.IO;

/// <summary>
/// Keeps a capture from filling the page cache with the chunk files it writes (as borg does with its segments): each
/// file's writeback starts as soon as it is written, and once a window of newer files has been written behind it, its
/// pages that are written back by then are dropped. A nightly backup then leaves the server's working set in memory,
/// and it writes through a small set of pages used again and again instead of gigabytes of fresh ones, which cost a
/// virtual machine's kernel far more when its host has taken unused memory back (measured with the page cache full:
/// full capture of the bench image 6.0 s instead of 9.9 s, kernel CPU 3.5 s instead of 11.0 s; docs/image-format.md
/// §7). Linux only; IMAGEBACKUP_PAGE_CACHE=keep turns it off.
/// </summary>
internal sealed partial class PageCacheRelease
{
    /// <summary>Files written after a file before its pages are dropped (≈ 16 MiB of 256 KiB chunks).</summary>
    public const int Window = 64;

    private const int SyncFileRangeWrite = 2;
    private const int AdviseDontNeed = 4;
    private readonly ConcurrentQueue<string> pending = new();

    /// <summary>Whether pages are released on this machine.</summary>
    public static bool Enabled { get; } =
        OperatingSystem.IsLinux()
        && !string.Equals(Environment.GetEnvironmentVariable("IMAGEBACKUP_PAGE_CACHE"), "keep", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts writing back <paramref name="file"/>'s dirty pages without waiting for the disk.</summary>
    public static void StartWriteback(SafeFileHandle file)
    {
        if (Enabled)
        {
            _ = SyncFileRange(file, 0, 0, SyncFileRangeWrite);
        }
    }

    /// <summary>Notes that <paramref name="path"/> was written; drops the pages of files written a window ago.</summary>
    public void Written(string path)
    {
        if (!Enabled)
        {
            return;
        }
        pending.Enqueue(path);
        while (pending.Count > Window && pending.TryDequeue(out var old))
        {
            Drop(old);
        }
    }

    private static void Drop(string path)
    {
        try
        {
            // Its writeback started a window ago; pages still being written stay (waiting for them measured slower).
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _ = Advise(file, 0, 0, AdviseDontNeed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a cache hint: a file deleted meanwhile has no pages to drop.
        }
    }

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(SafeFileHandle fd, long offset, long count, int flags);

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Advise(SafeFileHandle fd, long offset, long length, int advice);
}
