using System.Security.Cryptography;
using System.Text;

namespace ImageBackup.Application.Security;

/// <summary>Creates and hashes API keys, so keys are unguessable and only their hashes are ever stored.</summary>
public static class ApiKeyFormat
{
    /// <summary>Creates a new random key: a role prefix and 32 random bytes in base64url.</summary>
    public static string NewKey(Role role)
    {
        var prefix = role switch
        {
            Role.Customer => "ibc_",
            Role.Agent => "iba_",
            _ => "ibo_",
        };
        return prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Hashes a key for storage and lookup (lower-case hex SHA-256).</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
