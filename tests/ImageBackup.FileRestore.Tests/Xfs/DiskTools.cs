using System.ComponentModel;
using System.Diagnostics;

namespace ImageBackup.FileRestore.Tests.Xfs;

/// <summary>Runs the real Debian tools (xfsprogs, ntfs-3g, wimtools, sleuthkit) that build and independently inspect the XFS and NTFS fixtures.</summary>
internal static class DiskTools
{
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    /// <summary>Output of one finished tool run.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <paramref name="tool"/>; fails clearly (never skips) when the tool is not installed.</summary>
    public static Result Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Locate(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
            var standardError = process.StandardError.ReadToEndAsync();
            var standardOutput = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new Result(process.ExitCode, standardOutput, standardError.GetAwaiter().GetResult());
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(MissingMessage(tool), exception);
        }
    }

    /// <summary>Runs <paramref name="tool"/> and fails the test when it exits non-zero.</summary>
    public static string RunSuccessfully(string tool, params string[] arguments)
    {
        var result = Run(tool, arguments);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"{tool} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        }

        return result.StandardOutput;
    }

    /// <summary>Binary standard output of <paramref name="tool"/> (for icat/ntfscat content checks).</summary>
    public static byte[] RunForBytes(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Locate(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var standardError = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {standardError.GetAwaiter().GetResult()}");
        }

        return output.ToArray();
    }

    private static string Locate(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        foreach (var directory in path.Concat(SystemDirectories))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(MissingMessage(tool));
    }

    private static string MissingMessage(string tool) =>
        $"The tool '{tool}' is not installed; these tests build and check real XFS/NTFS images with it. "
        + "./test.sh installs it through scripts/test-tools.sh (or: apt-get install -y xfsprogs ntfs-3g wimtools sleuthkit).";
}
