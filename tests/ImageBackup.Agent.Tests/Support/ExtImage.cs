using System.Diagnostics;

namespace ImageBackup.Agent.Tests.Support;

/// <summary>Builds a real ext4 image with mke2fs over stale random bytes (as on a used disk) and runs e2fsprogs on it.</summary>
internal static class ExtImage
{
    public static string Create(TemporaryFolder folder, int megabytes)
    {
        var files = Directory.CreateDirectory(folder.File("files")).FullName;
        File.WriteAllText(Path.Combine(files, "hostname"), "web01\n");
        File.WriteAllBytes(Path.Combine(files, "data.bin"), RandomBytes(3 * ImageFile.MiB, seed: 11));
        var image = folder.File("ext4.img");
        File.WriteAllBytes(image, RandomBytes(megabytes * ImageFile.MiB, seed: 12));
        Run("mke2fs", "-q", "-F", "-E", "nodiscard", "-t", "ext4", "-d", files, image).AssertSucceeded();
        return image;
    }

    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var path = new[] { "/usr/sbin", "/sbin", "/usr/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            Assert.Fail($"{tool} is not installed (e2fsprogs is needed for used-blocks tests)");
        }
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public static void AssertSucceeded(this (int ExitCode, string Output) run) =>
        Assert.AreEqual(0, run.ExitCode, run.Output);

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
