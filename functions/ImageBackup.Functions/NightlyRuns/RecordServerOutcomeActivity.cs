using ImageBackup.Application.Captures;
using ImageBackup.Application.NightlyRuns;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Records a server's outcome that is not a success (missed, failed); returns the outcome stored afterwards.</summary>
public sealed class RecordServerOutcomeActivity(CaptureService captures) : TaskActivity<RecordServerOutcomeInput, ServerRunOutcome>
{
    /// <inheritdoc />
    public override async Task<ServerRunOutcome> RunAsync(TaskActivityContext context, RecordServerOutcomeInput input)
    {
        var stored = await captures.RecordAsync(NightlyRunNames.Parse(input.Date), input.ContractId, input.Status, input.Reason, null, input.Attempts, CancellationToken.None);
        return new ServerRunOutcome(stored.ContractId, stored.Status, stored.GenerationId ?? stored.Reason);
    }
}
