using ImageBackup.Application.Results;
using ImageBackup.Application.Security;

namespace ImageBackup.Application.Agents;

/// <summary>Exchanges the one-time enrollment token of an order for an agent key that reaches only that contract's server.</summary>
public sealed class AgentEnrollment(IEnrollmentStore enrollments, IApiKeyStore keys, TimeProvider clock)
{
    /// <summary>
    /// Enrolls the agent holding <paramref name="token"/>; a token works once. A repeat of the same request (same
    /// <paramref name="idempotencyKey"/>, e.g. after the answer was lost) gets a fresh key and the earlier one stops working.
    /// </summary>
    public async Task<ServiceResult<EnrolledAgent>> EnrollAsync(string? token, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is < 8 or > 100 || !idempotencyKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return ServiceResult<EnrolledAgent>.Invalid("Idempotency-Key", "format", "Idempotency-Key is 8 to 100 letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrEmpty(token) || !token.StartsWith("ibe_", StringComparison.Ordinal) || token.Length > 100)
        {
            return ServiceResult<EnrolledAgent>.Invalid("enrollmentToken", "format", "The enrollment token from the order (ibe_…) is required.");
        }

        var record = await enrollments.FindAsync(ApiKeyFormat.Hash(token), cancellationToken);
        if (record is null)
        {
            return ServiceResult<EnrolledAgent>.NotFound("No order has this enrollment token.");
        }

        var agentId = AgentIdFor(record.ContractId);
        var requestHash = idempotencyKey is null ? null : ApiKeyFormat.Hash(idempotencyKey);
        var repeat = record.AgentId is not null && requestHash is not null && record.RequestHash == requestHash;
        if (!repeat && (record.AgentId is not null || !await enrollments.TryMarkUsedAsync(record, agentId, requestHash, cancellationToken)))
        {
            return ServiceResult<EnrolledAgent>.Conflict("This enrollment token was already used; ask operations for a new one (support@clara.ne.jp, 0120-380-994).");
        }

        if (repeat)
        {
            await keys.RemoveAllForSubjectAsync(agentId, cancellationToken);
        }

        var key = ApiKeyFormat.NewKey(Role.Agent);
        await keys.AddAsync(new ApiKeyRecord(ApiKeyFormat.Hash(key), Role.Agent, agentId, record.CustomerId, clock.GetUtcNow()), cancellationToken);
        return ServiceResult<EnrolledAgent>.Created(new EnrolledAgent(agentId, key, record.ContractId));
    }

    /// <summary>The agent id of a contract's server: one server per contract, one agent per server.</summary>
    public static string AgentIdFor(string contractId) => "agt-" + contractId["ctr-".Length..];

    /// <summary>The contract an agent id serves.</summary>
    public static string ContractIdFor(string agentId) => "ctr-" + agentId["agt-".Length..];
}
