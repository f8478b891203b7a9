using System.Buffers;
using System.Security.Cryptography;

namespace ImageBackup.Imaging.Format;

/// <summary>Computes chunk ids (lower-case hex SHA-256 of the uncompressed content), so identical content dedups to one blob.</summary>
public static class ChunkHash
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>Length of a chunk id in characters.</summary>
    public const int IdLength = 64;

    /// <summary>Returns the chunk id of <paramref name="content"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>True when <paramref name="id"/> has the shape of a chunk id (64 lower-case hex characters).</summary>
    public static bool IsValidId(string id) =>
        id.Length == IdLength && id.AsSpan().IndexOfAnyExcept(LowerHex) < 0;
}
