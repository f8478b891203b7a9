using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

/// <summary>Writes a volume (partition or LV) of a restored disk to a sparse image file, so the file-system checkers can read it.</summary>
internal static class VolumeImage
{
    public static void Write(IRandomAccessSource volume, string path)
    {
        using var file = File.Create(path);
        file.SetLength(volume.Length);
        var buffer = new byte[1 << 20];
        for (long offset = 0; offset < volume.Length; offset += buffer.Length)
        {
            var piece = buffer.AsSpan(0, (int)Math.Min(buffer.Length, volume.Length - offset));
            volume.ReadAt(offset, piece);
            if (piece.ContainsAnyExcept((byte)0))
            {
                file.Position = offset;
                file.Write(piece);
            }
        }
    }
}
