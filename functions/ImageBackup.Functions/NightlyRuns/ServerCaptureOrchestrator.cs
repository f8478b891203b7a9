using ImageBackup.Application.Captures;
using ImageBackup.Application.NightlyRuns;
using ImageBackup.Functions.Contracts;
using Microsoft.DurableTask;

namespace ImageBackup.Functions.NightlyRuns;

/// <summary>
/// One server's night: send the capture command, wait for the agent's report racing a timer to the end of the window
/// (cancelled when the report wins), commit the generation or retry a failure while time remains, else record missed.
/// </summary>
public sealed class ServerCaptureOrchestrator : TaskOrchestrator<ServerCaptureInput, ServerRunOutcome>
{
    /// <summary>Most commands sent to a server in a night.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Pause before a failed capture is tried again (times the attempt number).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override async Task<ServerRunOutcome> RunAsync(TaskOrchestrationContext context, ServerCaptureInput input)
    {
        string? lastFailure = null;
        var execution = context.NewGuid().ToString("N")[..12];
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var sent = await context.CallActivityAsync<CommandSent>(nameof(SendCaptureCommandActivity), new SendCaptureCommandInput(input.Date, input.ContractId, attempt, execution));
            if (sent.DecidedStatus is { } decided)
            {
                return new ServerRunOutcome(input.ContractId, decided, sent.DecidedDetail);
            }

            if (!sent.Sent)
            {
                return lastFailure is null
                    ? await RecordAsync(context, input, ServerOutcomeStatus.Missed, "the backup window had closed before a capture command could be sent", attempt - 1)
                    : await RecordAsync(context, input, ServerOutcomeStatus.Failed, lastFailure, attempt - 1);
            }

            var deadline = context.CurrentUtcDateTime + sent.Remaining;
            var report = await WaitForReportAsync(context, sent.CaptureId, deadline);
            if (report is null)
            {
                var reason = lastFailure is null ? "the agent did not report by the end of the window (06:00 JST)" : $"no successful capture by 06:00 JST; last failure: {lastFailure}";
                return await RecordAsync(context, input, lastFailure is null ? ServerOutcomeStatus.Missed : ServerOutcomeStatus.Failed, reason, attempt);
            }

            if (report.Generation is not null)
            {
                var committed = await context.CallActivityAsync<CommitResult>(nameof(CommitGenerationActivity), new CommitGenerationInput(input.Date, input.ContractId, report, attempt));
                if (committed.Activated)
                {
                    context.SendEvent(ContractLifecycleSignals.InstanceId(input.ContractId), ContractLifecycleSignals.ChangedEvent, null!);
                }

                return new ServerRunOutcome(input.ContractId, ServerOutcomeStatus.Succeeded, report.Generation.GenerationId);
            }

            lastFailure = report.Reason;
            var pause = RetryDelay * attempt;
            if (attempt == MaxAttempts || deadline - context.CurrentUtcDateTime < pause + TimeSpan.FromMinutes(1))
            {
                return await RecordAsync(context, input, ServerOutcomeStatus.Failed, lastFailure, attempt);
            }

            await context.CreateTimer(pause, CancellationToken.None);
        }

        return await RecordAsync(context, input, ServerOutcomeStatus.Failed, lastFailure, MaxAttempts);
    }

    private static async Task<CaptureReport?> WaitForReportAsync(TaskOrchestrationContext context, string captureId, DateTime deadline)
    {
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(deadline, cancelTimer.Token);
        var completed = context.WaitForExternalEvent<CaptureReport>(CaptureReport.CompletedEvent, cancelTimer.Token);
        var failed = context.WaitForExternalEvent<CaptureReport>(CaptureReport.FailedEvent, cancelTimer.Token);
        while (true)
        {
            var winner = await Task.WhenAny(timer, completed, failed);
            if (winner == timer)
            {
                return null;
            }

            if (winner == completed)
            {
                // Any whole generation of this night counts, even from an earlier attempt that reported late.
                cancelTimer.Cancel();
                return await completed;
            }

            var failure = await failed;
            if (failure.CaptureId == captureId)
            {
                cancelTimer.Cancel();
                return failure;
            }

            // A late failure of an earlier attempt: keep waiting for this one.
            failed = context.WaitForExternalEvent<CaptureReport>(CaptureReport.FailedEvent, cancelTimer.Token);
        }
    }

    private static async Task<ServerRunOutcome> RecordAsync(TaskOrchestrationContext context, ServerCaptureInput input, string status, string? reason, int attempts)
    {
        // What is stored afterwards: an outcome decided earlier (by an execution this one repeats) stays.
        return await context.CallActivityAsync<ServerRunOutcome>(nameof(RecordServerOutcomeActivity), new RecordServerOutcomeInput(input.Date, input.ContractId, status, reason, attempts));
    }
}
