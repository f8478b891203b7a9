namespace ImageBackup.Application.Contracts;

/// <summary>Port to the record of order idempotency keys, so a retried order never creates a second contract.</summary>
public interface IOrderIdempotencyStore
{
    /// <summary>Reserves <paramref name="key"/> for the customer; returns <c>null</c> when reserved now, else the earlier reservation.</summary>
    Task<OrderIdempotencyRecord?> TryReserveAsync(string customerId, string key, string bodyHash, string contractId, CancellationToken cancellationToken);
}

/// <summary>An earlier use of an idempotency key: which body it carried and which contract it created.</summary>
public sealed record OrderIdempotencyRecord(string BodyHash, string ContractId);
