using System.Diagnostics;

namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>
/// Per-process temporary directories for the XFS/NTFS fixtures: removed at process exit, and directories left by
/// earlier test processes that no longer run (the test host is often killed, skipping exit handlers) are removed
/// when a new one is made. Image copies are written sparse so patched copies cost only the used blocks.
/// </summary>
internal static class FixtureDirectory
{
    /// <summary>Creates <c>{prefix}-{pid}</c> under the temp directory, after removing stale ones with the same prefix.</summary>
    public static string Create(string prefix)
    {
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "-*"))
        {
            if (int.TryParse(stale[(stale.LastIndexOf('-') + 1)..], out var pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        var directory = Path.Combine(Path.GetTempPath(), $"{prefix}-{Environment.ProcessId}");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        return directory;
    }

    /// <summary>Copies an image keeping it sparse: all-zero 1 MiB blocks are not written.</summary>
    public static void SparseCopy(string source, string destination)
    {
        using var input = File.OpenRead(source);
        using var output = new FileStream(destination, FileMode.Create, FileAccess.Write);
        output.SetLength(input.Length);
        var buffer = new byte[1 << 20];
        long position = 0;
        int read;
        while ((read = input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                output.Position = position;
                output.Write(buffer, 0, read);
            }

            position += read;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
