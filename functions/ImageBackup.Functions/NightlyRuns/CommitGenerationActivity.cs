using ImageBackup.Application.Captures;
using ImageBackup.Application.NightlyRuns;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Commits a reported generation: record, tags, retention, activation, outcome.</summary>
public sealed class CommitGenerationActivity(CaptureService captures) : TaskActivity<CommitGenerationInput, CommitResult>
{
    /// <inheritdoc />
    public override Task<CommitResult> RunAsync(TaskActivityContext context, CommitGenerationInput input) =>
        captures.CommitAsync(NightlyRunNames.Parse(input.Date), input.ContractId, input.Report, input.Attempts, CancellationToken.None);
}
