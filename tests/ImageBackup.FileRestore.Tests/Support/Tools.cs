using System.ComponentModel;
using System.Diagnostics;

namespace ImageBackup.FileRestore.Tests.Support;

/// <summary>Runs the real tools (mke2fs, debugfs, e2fsck, sfdisk, sgdisk, pvck, fls, icat) that build and independently inspect fixtures.</summary>
internal static class Tools
{
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/sbin", "/usr/bin", "/bin"];

    /// <summary>Output of one finished tool run.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <paramref name="tool"/>; fails clearly when it is not installed.</summary>
    public static Result Run(string tool, string? standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo(Locate(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
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
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
                process.StandardInput.Close();
            }
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
    public static string RunSuccessfully(string tool, params string[] arguments) => RunWithInput(tool, null, arguments);

    /// <summary>Runs <paramref name="tool"/> with <paramref name="standardInput"/> and fails the test when it exits non-zero.</summary>
    public static string RunWithInput(string tool, string? standardInput, params string[] arguments)
    {
        var result = Run(tool, standardInput, arguments);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"{tool} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        }
        return result.StandardOutput;
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
        $"The tool '{tool}' is not installed; these tests build and check real disk images with it. "
        + "./test.sh installs it through scripts/test-tools.sh (e2fsprogs, fdisk, gdisk, lvm2, sleuthkit).";
}
