using ImageBackup.Application.Captures;
using ImageBackup.Application.NightlyRuns;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Records a server's outcome that is not a success (missed, failed).</summary>
public sealed class RecordServerOutcomeActivity(CaptureService captures) : TaskActivity<RecordServerOutcomeInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, RecordServerOutcomeInput input)
    {
        await captures.RecordAsync(NightlyRunNames.Parse(input.Date), input.ContractId, input.Status, input.Reason, null, input.Attempts, CancellationToken.None);
        return true;
    }
}
