using System.Security.Cryptography;
using System.Text;
using ImageBackup.Application.Configuration;
using Microsoft.Extensions.Options;

namespace ImageBackup.Application.Security;

/// <summary>Turns an <c>Authorization: Bearer</c> header into a caller, so every endpoint authenticates the same way.</summary>
public sealed class ApiKeyAuthenticator(IApiKeyStore keys, IOptions<ImageBackupOptions> options)
{
    private const string Scheme = "Bearer ";

    /// <summary>Authenticates the raw value of an Authorization header (may be null or empty).</summary>
    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return AuthenticationOutcome.Fail("An 'Authorization: Bearer <key>' header is required.");
        }

        if (!authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Fail("The Authorization header must use the Bearer scheme.");
        }

        var key = authorizationHeader[Scheme.Length..].Trim();
        if (key.Length is 0 or > 200)
        {
            return AuthenticationOutcome.Fail("The API key is missing or malformed.");
        }

        if (IsBootstrapOpsKey(key))
        {
            return AuthenticationOutcome.Success(new Caller(Role.Ops, "ops-bootstrap", null));
        }

        var record = await keys.FindAsync(ApiKeyFormat.Hash(key), cancellationToken);
        return record is null
            ? AuthenticationOutcome.Fail("The API key is not valid.")
            : AuthenticationOutcome.Success(new Caller(record.Role, record.SubjectId, record.CustomerId));
    }

    private bool IsBootstrapOpsKey(string key)
    {
        var configured = options.Value.OpsKey;
        if (string.IsNullOrEmpty(configured))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(key)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
    }
}
