using ImageBackup.Application.Contracts;
using ImageBackup.Application.Results;
using ImageBackup.Application.Security;
using ImageBackup.Domain.Retention;

namespace ImageBackup.Application.Generations;

/// <summary>Lists a contract's backups for its customer (and operations), with the plan that keeps each one and until when.</summary>
public sealed class BackupCatalog(IContractStore contracts, IGenerationStore generations)
{
    /// <summary>The contract's generations, newest first.</summary>
    public async Task<ServiceResult<IReadOnlyList<BackupListing>>> ListAsync(Caller caller, string contractId, CancellationToken cancellationToken)
    {
        var stored = caller.Role == Role.Agent || !ResourceIds.IsWellFormed(contractId, "ctr-") ? null : await contracts.FindAsync(contractId, cancellationToken);
        if (stored is null || !caller.MaySee(stored.Contract.CustomerId))
        {
            return ServiceResult<IReadOnlyList<BackupListing>>.NotFound($"No contract '{ResourceIds.Printable(contractId)}' for this key.");
        }

        var records = await generations.ListAsync(contractId, cancellationToken);
        if (records.Count == 0)
        {
            return ServiceResult<IReadOnlyList<BackupListing>>.Ok([]);
        }

        var byId = records.ToDictionary(r => r.GenerationId);
        var decision = RetentionPolicy.Keep(stored.Contract.PlanCodes, [.. records.Select(r => new GenerationInfo(r.GenerationId, r.Night, r.Tags))]);
        return ServiceResult<IReadOnlyList<BackupListing>>.Ok([.. decision.Kept.Select(k =>
        {
            var r = byId[k.Id];
            return new BackupListing(r.GenerationId, r.Night, r.CapturedAt, BackupListing.TagNames(r.Tags), r.ImageSize, r.NewBytes, k.KeptBy, k.KeptLongestBy, k.DropsOn);
        })]);
    }
}
