using ImageBackup.Application.Captures;
using ImageBackup.Application.Contracts;
using ImageBackup.Application.Maintenance;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Application.NightlyRuns;

/// <summary>
/// Which servers a night captures, one page of contracts at a time: every contract not ended by the night (pending ones
/// too: their first backup activates them), except those under a maintenance window, whose outcome is stored as skipped.
/// </summary>
public sealed class NightlyServerSelection(IContractStore contracts, IMaintenanceWindowStore windows, CaptureService captures)
{
    /// <summary>Most contracts per page (and per fan-out batch).</summary>
    public const int MaxPageSize = 1_000;

    /// <summary>Lists one page of the night's servers and stores the skipped ones' outcomes.</summary>
    public async Task<NightlyServerPage> NextPageAsync(DateOnly night, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var (page, next) = await contracts.ListPageAsync(continuation, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken);
        var opens = CaptureWindow.OpensAt(night);
        var closes = CaptureWindow.ClosesAt(night);
        var maintenance = (await windows.ListAsync(null, cancellationToken)).Where(w => w.Overlaps(opens, closes)).ToLookup(w => w.ContractId);
        var capture = new List<string>(page.Count);
        var skipped = 0;
        foreach (var contract in page.Where(c => c.StatusAt(opens) != ContractStatus.Ended))
        {
            if (maintenance[contract.Id].FirstOrDefault() is { } window)
            {
                await captures.RecordAsync(night, contract.Id, ServerOutcomeStatus.Skipped, $"maintenance window {window.Id}: {window.Reason}", null, 0, cancellationToken);
                skipped++;
                continue;
            }

            capture.Add(contract.Id);
        }

        return new NightlyServerPage(capture, skipped, next);
    }
}
