using ImageBackup.Application.Captures;
using ImageBackup.Application.NightlyRuns;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>Lists one page of the night's servers (skipped ones are recorded on the way).</summary>
public sealed class ListNightlyServersActivity(NightlyServerSelection selection) : TaskActivity<ListNightlyServersInput, NightlyServerPage>
{
    /// <inheritdoc />
    public override Task<NightlyServerPage> RunAsync(TaskActivityContext context, ListNightlyServersInput input) =>
        selection.NextPageAsync(NightlyRunNames.Parse(input.Date), input.Continuation, input.PageSize, CancellationToken.None);
}
