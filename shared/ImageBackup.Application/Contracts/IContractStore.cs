using ImageBackup.Domain.Contracts;

namespace ImageBackup.Application.Contracts;

/// <summary>Port to the contract table; every change is guarded by the version read, so concurrent writers never both win.</summary>
public interface IContractStore
{
    /// <summary>Stores a new contract with the hash of its agent enrollment token; fails if the id exists.</summary>
    Task AddAsync(Contract contract, string enrollmentTokenHash, CancellationToken cancellationToken);

    /// <summary>Reads a contract and its version, or <c>null</c>.</summary>
    Task<StoredContract?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>All contracts, or those of one customer.</summary>
    Task<IReadOnlyList<Contract>> ListAsync(string? customerId, CancellationToken cancellationToken);

    /// <summary>A page of all contracts (at most <paramref name="pageSize"/>) and the continuation of the next page, or <c>null</c> after the last.</summary>
    Task<(IReadOnlyList<Contract> Contracts, string? Next)> ListPageAsync(string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>Replaces a contract if its stored version is still <paramref name="version"/>; <c>false</c> when someone else changed it first.</summary>
    Task<bool> TryReplaceAsync(Contract contract, string version, CancellationToken cancellationToken);
}
