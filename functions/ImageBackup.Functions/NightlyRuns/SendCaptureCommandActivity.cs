using ImageBackup.Application.Captures;
using ImageBackup.Application.NightlyRuns;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Sends one capture command; idempotent under replay because the command id is fixed per attempt.</summary>
public sealed class SendCaptureCommandActivity(CaptureService captures) : TaskActivity<SendCaptureCommandInput, CommandSent>
{
    /// <inheritdoc />
    public override Task<CommandSent> RunAsync(TaskActivityContext context, SendCaptureCommandInput input) =>
        captures.SendCommandAsync(NightlyRunNames.Parse(input.Date), input.ContractId, input.Attempt, input.Execution, CancellationToken.None);
}
