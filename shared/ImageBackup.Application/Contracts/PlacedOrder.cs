using ImageBackup.Domain.Contracts;

namespace ImageBackup.Application.Contracts;

/// <summary>The answer to an order: the new contract and the agent enrollment token, shown only on the first answer.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="EnrollmentToken">The token the agent enrolls with; <c>null</c> on an idempotent replay.</param>
/// <param name="Replayed">Whether this answers a repeated request with the same idempotency key and body.</param>
public sealed record PlacedOrder(Contract Contract, string? EnrollmentToken, bool Replayed);
