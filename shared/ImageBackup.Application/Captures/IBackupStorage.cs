namespace ImageBackup.Application.Captures;

/// <summary>
/// Port to the per-contract containers that hold generations: hands agents write-only SAS URLs, checks that a generation is
/// whole, deletes manifests retention drops and sweeps unreferenced chunks. Customers never receive its credentials.
/// </summary>
public interface IBackupStorage
{
    /// <summary>A SAS URL for the contract's container that can only create and write blobs, expiring at <paramref name="expiresAt"/>.</summary>
    Task<Uri> IssueCaptureSasAsync(string contractId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Reads the manifest of a generation and checks that every chunk it references exists; <c>null</c> when there is no manifest.</summary>
    Task<GenerationInspection?> InspectAsync(string contractId, string generationId, CancellationToken cancellationToken);

    /// <summary>Ids of the manifests in the contract's container.</summary>
    Task<IReadOnlyList<string>> ListGenerationsAsync(string contractId, CancellationToken cancellationToken);

    /// <summary>Deletes the manifest of a generation; no error when it is gone.</summary>
    Task DeleteGenerationAsync(string contractId, string generationId, CancellationToken cancellationToken);

    /// <summary>
    /// Mark and sweep (docs/retention.md §3), run after retention deleted the manifests it drops: deletes the chunks that no
    /// manifest still in the container references and that were written before the mark minus <paramref name="grace"/>;
    /// returns how many went.
    /// </summary>
    Task<int> CollectGarbageAsync(string contractId, TimeSpan grace, CancellationToken cancellationToken);
}
