using System.Globalization;
using System.Text.Json;
using ImageBackup.Application.Agents;
using ImageBackup.Application.Configuration;
using ImageBackup.Application.Contracts;
using ImageBackup.Application.Generations;
using ImageBackup.Application.NightlyRuns;
using ImageBackup.Application.Results;
using ImageBackup.Application.Security;
using ImageBackup.Domain.Retention;
using Microsoft.Extensions.Options;

namespace ImageBackup.Application.Captures;

/// <summary>
/// The service side of a night's capture (docs/nightly-captures.md): sends the command with a write-only SAS, checks
/// agents' reports, commits whole generations with their tags, applies retention and activates pending contracts.
/// </summary>
public sealed class CaptureService(
    IAgentCommandChannel commands,
    IBackupStorage storage,
    IGenerationStore generations,
    INightlyOutcomeStore outcomes,
    IContractStore contracts,
    ContractService contractService,
    IOptions<ImageBackupOptions> options,
    TimeProvider clock)
{
    /// <summary>The kind of a capture command.</summary>
    public const string CaptureKind = "capture";

    /// <summary>
    /// Sends attempt <paramref name="attempt"/> of the night's capture to the server's agent, unless the window has closed.
    /// Duplicate detection keys on the attempt and <paramref name="execution"/>: a replay sends nothing new, while an
    /// orchestration re-created by the backend (duplicate start after a crash) sends its command again, unless the
    /// server's night is already decided (<see cref="ServerOutcomeStatus.MayReplace"/>).
    /// </summary>
    public async Task<CommandSent> SendCommandAsync(DateOnly night, string contractId, int attempt, string execution, CancellationToken cancellationToken)
    {
        var deadline = CaptureWindow.ClosesAt(night);
        var remaining = deadline - clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return new CommandSent("", TimeSpan.Zero);
        }

        // Recorded as running before the command goes out: a report is awaited exactly while this row says running
        // (RefuseUnlessAwaitedAsync), so the agent's answer can never arrive before the record that makes it welcome.
        // A night already decided stays decided: a send repeated after a crash (a redelivered activity, a re-created
        // orchestration) sends nothing and hands back that outcome.
        var stored = await RecordAsync(night, contractId, ServerOutcomeStatus.Running, $"attempt {attempt} sent", null, attempt, cancellationToken);
        if (stored.Status != ServerOutcomeStatus.Running)
        {
            return CommandSent.AlreadyDecided(stored);
        }

        var captureId = CaptureIds.CaptureId(night, contractId, attempt);
        var sas = await storage.IssueCaptureSasAsync(contractId, deadline, cancellationToken);
        var kept = (await generations.ListAsync(contractId, cancellationToken)).Select(g => g.GenerationId).ToList();
        var payload = new CaptureCommandPayload(captureId, NightlyRunNames.Format(night), attempt, sas, deadline, kept);
        await commands.SendAsync(
            new AgentCommand(AgentEnrollment.AgentIdFor(contractId), captureId, CaptureKind, JsonSerializer.Serialize(payload, CaptureJson.Web), deadline,
                string.IsNullOrEmpty(execution) ? null : $"{captureId}.{execution}"),
            cancellationToken);
        return new CommandSent(captureId, remaining);
    }

    /// <summary>Checks an agent's completion report: its own capture, a valid generation id, a whole generation.</summary>
    public async Task<ServiceResult<CaptureReport>> AcceptCompletionAsync(Caller caller, string captureId, string? generationId, double? durationSeconds, CancellationToken cancellationToken)
    {
        if (!TryOwnCapture(caller, captureId, out var contractId, out var denied))
        {
            return denied!;
        }

        if (string.IsNullOrEmpty(generationId) || generationId.Length > 64 || !generationId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return ServiceResult<CaptureReport>.Invalid("generationId", "format", "generationId is the id the capture printed (e.g. 20270104T150012Z-1a2b3c4d).");
        }

        if (durationSeconds is < 0 or > MaxDurationSeconds)
        {
            return ServiceResult<CaptureReport>.Invalid("durationSeconds", "range", "durationSeconds is 0 to 86400 (the capture's wall time as the agent measured it).");
        }

        if (await RefuseUnlessAwaitedAsync(caller, captureId, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var inspection = await storage.InspectAsync(contractId, generationId, cancellationToken);
        if (inspection is null)
        {
            return ServiceResult<CaptureReport>.Unprocessable($"Generation {generationId} has no manifest in the store; commit the manifest before reporting.");
        }

        if (!inspection.IsWhole)
        {
            return ServiceResult<CaptureReport>.Unprocessable($"Generation {generationId} is not whole: {inspection.Problem}");
        }

        await commands.AcknowledgeAsync(caller.SubjectId, captureId, cancellationToken);
        return ServiceResult<CaptureReport>.Accepted(new CaptureReport(captureId, inspection, null, clock.GetUtcNow(), durationSeconds));
    }

    /// <summary>Checks an agent's failure report.</summary>
    public async Task<ServiceResult<CaptureReport>> AcceptFailureAsync(Caller caller, string captureId, string? reason, int? exitCode, CancellationToken cancellationToken)
    {
        if (!TryOwnCapture(caller, captureId, out _, out var denied))
        {
            return denied!;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            return ServiceResult<CaptureReport>.Invalid("reason", "length", "reason is 1 to 1000 characters saying why the capture failed.");
        }

        if (await RefuseUnlessAwaitedAsync(caller, captureId, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var text = exitCode is { } code ? string.Create(CultureInfo.InvariantCulture, $"{reason.Trim()} (exit code {code})") : reason.Trim();
        await commands.AcknowledgeAsync(caller.SubjectId, captureId, cancellationToken);
        return ServiceResult<CaptureReport>.Accepted(new CaptureReport(captureId, null, text, clock.GetUtcNow()));
    }

    /// <summary>
    /// Commits a whole generation: stores its record with the night's tags, applies the contract's retention (deleting the
    /// manifests it drops, then unreferenced chunks), activates a pending contract and records the night's outcome.
    /// Safe to run again for the same report.
    /// </summary>
    public async Task<CommitResult> CommitAsync(DateOnly night, string contractId, CaptureReport report, int attempts, CancellationToken cancellationToken)
    {
        var generation = report.Generation ?? throw new ArgumentException("Only a completed capture is committed.", nameof(report));
        var duration = DurationOf(report, generation);
        await generations.PutAsync(
            new GenerationRecord(contractId, generation.GenerationId, night, generation.CapturedAt, GenerationTagging.For(night), generation.ImageSize, generation.NewBytes, duration, report.CaptureId),
            cancellationToken);

        var deleted = new List<string>();
        var swept = 0;
        if ((await contracts.FindAsync(contractId, cancellationToken))?.Contract is { } contract)
        {
            var records = await generations.ListAsync(contractId, cancellationToken);
            var decision = RetentionPolicy.Keep(contract.PlanCodes, [.. records.Select(r => new GenerationInfo(r.GenerationId, r.Night, r.Tags))], night);
            foreach (var id in decision.Delete)
            {
                await storage.DeleteGenerationAsync(contractId, id, cancellationToken);
                await generations.DeleteAsync(contractId, id, cancellationToken);
                deleted.Add(id);
            }

            // Manifests no record names (a duplicate delivery captured twice, a report that came too late) are not
            // generations of this contract: the night is decided, so they go too.
            var recorded = records.Select(r => r.GenerationId).ToHashSet(StringComparer.Ordinal);
            foreach (var orphan in (await storage.ListGenerationsAsync(contractId, cancellationToken)).Where(id => !recorded.Contains(id)))
            {
                await storage.DeleteGenerationAsync(contractId, orphan, cancellationToken);
                deleted.Add(orphan);
            }

            if (deleted.Count > 0)
            {
                swept = await storage.CollectGarbageAsync(contractId, GarbageGrace, cancellationToken);
            }
        }

        var activated = await contractService.ActivateOnFirstBackupAsync(contractId, CaptureWindow.OpensAt(night), cancellationToken);
        await outcomes.PutAsync(
            new ServerOutcome(NightlyRunNames.Format(night), contractId, ServerOutcomeStatus.Succeeded, null, generation.GenerationId, generation.ImageSize, generation.NewBytes, duration, attempts, clock.GetUtcNow()),
            cancellationToken);
        return new CommitResult(activated, deleted, swept);
    }

    /// <summary>Records a server's outcome for the night (missed, failed, skipped, running) unless a decided one must stay; returns what is stored.</summary>
    public Task<ServerOutcome> RecordAsync(DateOnly night, string contractId, string status, string? reason, string? generationId, int attempts, CancellationToken cancellationToken) =>
        outcomes.PutAsync(new ServerOutcome(NightlyRunNames.Format(night), contractId, status, reason, generationId, 0, 0, 0, attempts, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// The agent's measured duration when it sent one; else the time from the manifest's capture start to the report when that
    /// is plausible (the two clocks differ: the agent's and the service's), else 0 (unknown).
    /// </summary>
    private static double DurationOf(CaptureReport report, GenerationInspection generation)
    {
        if (report.DurationSeconds is { } measured)
        {
            return measured;
        }

        var derived = (report.ReportedAt - generation.CapturedAt).TotalSeconds;
        return derived is >= 0 and <= MaxDurationSeconds ? derived : 0;
    }

    private const double MaxDurationSeconds = 86_400;

    private TimeSpan GarbageGrace => TimeSpan.FromHours(Math.Max(options.Value.GarbageGraceHours, ChunkSweep.MinimumGrace.TotalHours));


    /// <summary>
    /// A conflict, with the command acknowledged so it is not delivered again, unless the night still waits for this
    /// server: its window is open and its outcome says running. Decided from the service's own record, not from the
    /// durable backend's instance status, which a host crash can leave behind the truth (measured: 12 of 600 reports
    /// refused after a kill -9 while their orchestrations still waited).
    /// </summary>
    private async Task<ServiceResult<CaptureReport>?> RefuseUnlessAwaitedAsync(Caller caller, string captureId, CancellationToken cancellationToken)
    {
        _ = CaptureIds.TryParse(captureId, out var night, out var contractId, out _);
        var outcome = await outcomes.FindAsync(NightlyRunNames.Format(night), contractId, cancellationToken);
        if (CaptureWindow.ClosesAt(night) > clock.GetUtcNow() && outcome?.Status == ServerOutcomeStatus.Running)
        {
            return null;
        }

        await commands.AcknowledgeAsync(caller.SubjectId, captureId, cancellationToken);
        return ServiceResult<CaptureReport>.Conflict($"The night's capture {captureId} is not awaited any more (the window has closed or its outcome is recorded).");
    }

    private static bool TryOwnCapture(Caller caller, string captureId, out string contractId, out ServiceResult<CaptureReport>? denied)
    {
        denied = null;
        if (caller.Role != Role.Agent)
        {
            contractId = "";
            denied = ServiceResult<CaptureReport>.Forbidden("Only the server's agent reports its captures.");
            return false;
        }

        if (!CaptureIds.TryParse(captureId, out _, out contractId, out _) || AgentEnrollment.AgentIdFor(contractId) != caller.SubjectId)
        {
            denied = ServiceResult<CaptureReport>.NotFound($"No capture '{ResourceIds.Printable(captureId)}' for this agent.");
            return false;
        }

        return true;
    }
}
