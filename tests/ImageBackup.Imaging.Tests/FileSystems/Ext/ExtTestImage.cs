namespace ImageBackup.Imaging.Tests.FileSystems.Ext;

/// <summary>A real ext image made by mke2fs -d from a directory of known files over stale random bytes, as on a used disk; deleted on dispose.</summary>
internal sealed class ExtTestImage : IDisposable
{
    private const long DefaultImageBytes = 64L << 20;

    private ExtTestImage(string workDirectory)
    {
        WorkDirectory = workDirectory;
        SourceDirectory = Path.Combine(workDirectory, "files");
        ImagePath = Path.Combine(workDirectory, "image.img");
    }

    public string WorkDirectory { get; }

    /// <summary>The directory whose files the image holds.</summary>
    public string SourceDirectory { get; }

    public string ImagePath { get; }

    /// <summary>Paths of the regular files, relative to <see cref="SourceDirectory"/>, with '/' separators.</summary>
    public IReadOnlyList<string> Files =>
        Directory.EnumerateFiles(SourceDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SourceDirectory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Builds an image with <c>mke2fs -F -E nodiscard -d files &lt;mke2fsOptions&gt; image</c>.</summary>
    public static ExtTestImage Create(string mke2fsOptions, long imageBytes = DefaultImageBytes)
    {
        var image = new ExtTestImage(Directory.CreateTempSubdirectory("ext-used-ranges-").FullName);
        try
        {
            image.WriteSourceFiles();
            image.FillWithStaleRandomBytes(imageBytes);
            var arguments = new List<string> { "-q", "-F", "-E", "nodiscard", "-d", image.SourceDirectory };
            arguments.AddRange(mke2fsOptions.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            arguments.Add(image.ImagePath);
            E2fsTools.RunSuccessfully("mke2fs", [.. arguments]);
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WriteSourceFiles()
    {
        var random = new Random(1234);
        Directory.CreateDirectory(Path.Combine(SourceDirectory, "etc"));
        Directory.CreateDirectory(Path.Combine(SourceDirectory, "var", "lib", "data"));
        File.WriteAllText(Path.Combine(SourceDirectory, "etc", "hostname"), "backup-test-host\n");
        File.WriteAllText(Path.Combine(SourceDirectory, "etc", "motd"), string.Concat(Enumerable.Repeat("Welcome to the image.\n", 500)));
        for (var index = 0; index < 12; index++)
        {
            var bytes = new byte[random.Next(1, 3 << 20)];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(SourceDirectory, "var", "lib", "data", $"blob{index:D2}.bin"), bytes);
        }

        var large = new byte[9 << 20];
        random.NextBytes(large);
        File.WriteAllBytes(Path.Combine(SourceDirectory, "var", "large.bin"), large);
    }

    private void FillWithStaleRandomBytes(long imageBytes)
    {
        var random = new Random(99);
        var chunk = new byte[1 << 20];
        using var file = File.Create(ImagePath);
        for (long written = 0; written < imageBytes; written += chunk.Length)
        {
            random.NextBytes(chunk);
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, imageBytes - written));
        }
    }
}
