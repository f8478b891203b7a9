namespace ImageBackup.Functions.Tests.Nightly;

/// <summary>A small disk image file (random data with a zero run) that deletes itself.</summary>
internal sealed class TemporaryImage : IDisposable
{
    public TemporaryImage(int length, int seed = 1)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ib-image-" + Guid.NewGuid().ToString("N") + ".img");
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        Array.Clear(bytes, length / 3, Math.Min(512 * 1024, length / 3));
        File.WriteAllBytes(Path, bytes);
    }

    public string Path { get; }

    /// <summary>Overwrites <paramref name="count"/> bytes at <paramref name="offset"/> with new random data (churn between nights).</summary>
    public void Churn(long offset, int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        using var file = File.OpenWrite(Path);
        file.Position = offset;
        file.Write(bytes);
    }

    public void Dispose() => File.Delete(Path);
}
