using System.Security.Cryptography;
using ImageBackup.Application.Contracts;
using ImageBackup.Application.Results;
using ImageBackup.Application.Security;
using ImageBackup.Domain.Validation;

namespace ImageBackup.Application.Maintenance;

/// <summary>Operations set and remove maintenance windows; nights skip the servers they cover.</summary>
public sealed class MaintenanceWindowService(IMaintenanceWindowStore windows, IContractStore contracts, TimeProvider clock)
{
    /// <summary>Longest window accepted.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(31);

    /// <summary>Adds a window after checking its fields.</summary>
    public async Task<ServiceResult<MaintenanceWindow>> AddAsync(Caller caller, string? contractId, DateTimeOffset? from, DateTimeOffset? to, string? reason, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Ops)
        {
            return ServiceResult<MaintenanceWindow>.Forbidden("Only operations staff manage maintenance windows.");
        }

        var errors = new List<ValidationError>();
        if (!ResourceIds.IsWellFormed(contractId, "ctr-"))
        {
            errors.Add(new ValidationError("contractId", "format", "contractId is a contract id (ctr- and 16 hex digits)."));
        }

        if (from is null || to is null || to <= from)
        {
            errors.Add(new ValidationError("to", "after-from", "from and to are ISO 8601 instants with an offset, to after from."));
        }
        else if (to - from > MaxLength)
        {
            errors.Add(new ValidationError("to", "max-length", "A maintenance window lasts at most 31 days."));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 200)
        {
            errors.Add(new ValidationError("reason", "length", "reason is 1 to 200 characters."));
        }

        if (errors.Count > 0)
        {
            return ServiceResult<MaintenanceWindow>.Invalid(errors);
        }

        if (await contracts.FindAsync(contractId!, cancellationToken) is null)
        {
            return ServiceResult<MaintenanceWindow>.NotFound($"No contract {contractId}.");
        }

        var window = new MaintenanceWindow("mw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), contractId!, from!.Value, to!.Value, reason!.Trim(), clock.GetUtcNow());
        await windows.AddAsync(window, cancellationToken);
        return ServiceResult<MaintenanceWindow>.Created(window);
    }

    /// <summary>Lists the windows (operations only).</summary>
    public async Task<ServiceResult<IReadOnlyList<MaintenanceWindow>>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.Role != Role.Ops
            ? ServiceResult<IReadOnlyList<MaintenanceWindow>>.Forbidden("Only operations staff manage maintenance windows.")
            : ServiceResult<IReadOnlyList<MaintenanceWindow>>.Ok(await windows.ListAsync(null, cancellationToken));

    /// <summary>Removes a window (operations only).</summary>
    public async Task<ServiceResult<string>> DeleteAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Ops)
        {
            return ServiceResult<string>.Forbidden("Only operations staff manage maintenance windows.");
        }

        return await windows.DeleteAsync(id, cancellationToken) ? ServiceResult<string>.Ok(id) : ServiceResult<string>.NotFound($"No maintenance window {id}.");
    }
}
