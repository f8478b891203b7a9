namespace ImageBackup.NightlySimulation;

/// <summary>
/// Small real disk images: 256 KiB blocks of random data among zero blocks (left sparse on disk), and churn that
/// rewrites a few blocks between nights, so captures have new, unchanged and zero chunks as a server's disk would.
/// </summary>
internal static class DiskImages
{
    private const int Block = 256 * 1024;

    /// <summary>Writes an image of <paramref name="mib"/> MiB where about <paramref name="dataPercent"/> % of the blocks hold random bytes.</summary>
    public static void Write(string path, int mib, int dataPercent, int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[Block];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        var blocks = mib * 1024 * 1024 / Block;
        for (var i = 0; i < blocks; i++)
        {
            if (i == 0 || random.Next(100) < dataPercent)
            {
                random.NextBytes(buffer);
                file.Position = (long)i * Block;
                file.Write(buffer);
            }
        }
        file.SetLength((long)blocks * Block);
    }

    /// <summary>Rewrites one or two random 4 KiB runs, so the next capture stores one or two new chunks.</summary>
    public static void Churn(string path, int seed)
    {
        var random = new Random(seed);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        var buffer = new byte[4096];
        for (var i = 0; i < 1 + random.Next(2); i++)
        {
            random.NextBytes(buffer);
            file.Position = random.NextInt64(file.Length / buffer.Length) * buffer.Length;
            file.Write(buffer);
        }
    }
}
