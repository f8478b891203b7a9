namespace ImageBackup.Imaging.Tests.Support;

/// <summary>Writes image files made of named pieces (zeros, random bytes, repeated patterns), so tests read as the layout they check.</summary>
internal static class TestImage
{
    public const int MiB = 1024 * 1024;

    public static byte[] Zeros(int length) => new byte[length];

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Text(int length)
    {
        var bytes = new byte[length];
        var line = "ImageBackup test line, compresses well. "u8;
        for (var i = 0; i < length; i++)
        {
            bytes[i] = line[i % line.Length];
        }
        return bytes;
    }

    public static string Write(string path, params byte[][] pieces)
    {
        using var file = System.IO.File.Create(path);
        foreach (var piece in pieces)
        {
            file.Write(piece);
        }
        return path;
    }
}
