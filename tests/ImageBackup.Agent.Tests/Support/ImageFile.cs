namespace ImageBackup.Agent.Tests.Support;

/// <summary>Writes test disk images: random megabytes with zero runs in between, so captures have data and zero extents.</summary>
internal static class ImageFile
{
    public const int MiB = 1024 * 1024;

    public static string WriteMixed(string path, int megabytes, int seed, int tailBytes = 0)
    {
        var random = new Random(seed);
        var block = new byte[MiB];
        using var file = File.Create(path);
        for (var i = 0; i < megabytes; i++)
        {
            if (i % 3 == 1)
            {
                Array.Clear(block);
            }
            else
            {
                random.NextBytes(block);
            }
            file.Write(block);
        }
        random.NextBytes(block);
        file.Write(block, 0, tailBytes);
        return path;
    }

    public static void CorruptChunk(string chunkPath)
    {
        var bytes = File.ReadAllBytes(chunkPath);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(chunkPath, bytes);
    }
}
