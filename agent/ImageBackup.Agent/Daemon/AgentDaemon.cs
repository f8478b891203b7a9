using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ImageBackup.Agent.Daemon;

/// <summary>
/// <c>imagebackup-agent run</c> as a class (docs/nightly-captures.md §1–§4): enrolls once, long-polls commands, captures
/// into the night's store and reports, one command at a time, resuming a saved command after a crash. It holds no
/// static state, so a simulation can run thousands in one process with one shared <see cref="HttpClient"/>.
/// </summary>
public sealed class AgentDaemon
{
    private readonly AgentDaemonOptions options;
    private readonly ILogger logger;
    private readonly AgentStateDirectory state;
    private readonly AgentApiClient api;
    private readonly CaptureRunner captures;

    /// <summary>Creates a daemon; <paramref name="http"/> may be shared and should have no timeout of its own (each call sets one).</summary>
    public AgentDaemon(HttpClient http, AgentDaemonOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        state = new AgentStateDirectory(options.StateDirectory);
        api = new AgentApiClient(http, options.Api, options.Retry, options.Time, logger);
        captures = new CaptureRunner(options, options.UseChangeCache ? state.CacheDirectory : null, logger);
    }

    /// <summary>The state directory.</summary>
    public AgentStateDirectory State => state;

    /// <summary>
    /// Runs until <paramref name="stop"/> fires (or, with <see cref="AgentDaemonOptions.Once"/>, one command was handled).
    /// A stop during a capture or a report leaves the command file, so the next start resumes it.
    /// Throws <see cref="AgentSetupException"/> when the agent cannot enroll or its key is refused.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            var credentials = await EnsureEnrolledAsync(stop);
            api.AgentKey = credentials.AgentKey;
            if (await ResumeAsync(stop) && options.Once)
            {
                return;
            }
            logger.LogInformation("Waiting for commands as {AgentId} ({Wait:0} s polls)", credentials.AgentId, options.PollWait.TotalSeconds);
            while (true)
            {
                AgentCommandMessage? command;
                try
                {
                    command = await api.NextCommandAsync(options.PollWait, stop);
                }
                catch (InvalidDataException e)
                {
                    logger.LogWarning("Skipping an unreadable command: {Error}", LogSafe.Text(e.Message));
                    continue;
                }
                if (command is null)
                {
                    continue;
                }
                await HandleAsync(new PendingCommand(command, null), stop);
                if (options.Once)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            logger.LogInformation("Stopped");
        }
    }

    private async Task<AgentCredentials> EnsureEnrolledAsync(CancellationToken stop)
    {
        if (state.ReadCredentials() is { } stored)
        {
            logger.LogInformation("Enrolled as {Agent}", stored.ToString());
            return stored;
        }
        if (string.IsNullOrWhiteSpace(options.EnrollmentToken))
        {
            throw new AgentSetupException(
                $"not enrolled yet ({state.CredentialsFile} is missing): give the order's token with --enrollment-token or IMAGEBACKUP_ENROLLMENT_TOKEN",
                ExitCodes.Usage);
        }
        var answer = await api.EnrollAsync(options.EnrollmentToken.Trim(), state.EnrollmentRequestId(), stop);
        var credentials = new AgentCredentials(answer.AgentId, answer.AgentKey, answer.ContractId, AgentApiClient.ApiRoot(options.Api).ToString());
        state.SaveCredentials(credentials);
        File.Delete(state.EnrollmentRequestFile);
        logger.LogInformation("Enrolled as {Agent}; key stored in {File} (mode 0600)", credentials.ToString(), state.CredentialsFile);
        return credentials;
    }

    private async Task<bool> ResumeAsync(CancellationToken stop)
    {
        if (state.ReadCommand() is not { } saved)
        {
            return false;
        }
        var deadline = Deadline(saved.Command);
        if (deadline <= options.Time.GetUtcNow() && saved.Outcome is null)
        {
            logger.LogWarning("Dropping saved command {CommandId}: its deadline {Deadline:O} has passed", saved.Command.CommandId, deadline);
            state.DeleteCommand();
            return false;
        }
        logger.LogInformation("Resuming command {CommandId} left by an earlier run", saved.Command.CommandId);
        await HandleAsync(saved, stop);
        return true;
    }

    private async Task HandleAsync(PendingCommand pending, CancellationToken stop)
    {
        var command = pending.Command;
        state.SaveCommand(pending);
        var reportId = command.CommandId;
        var outcome = pending.Outcome;
        if (outcome is null)
        {
            if (command.Kind != AgentCommandMessage.CaptureKind)
            {
                outcome = CaptureOutcome.Failed($"unknown command kind '{command.Kind}'", ExitCodes.Usage);
            }
            else if (TryReadCapture(command) is not { } payload)
            {
                outcome = CaptureOutcome.Failed("malformed capture payload", ExitCodes.Usage);
            }
            else
            {
                reportId = payload.CaptureId;
                outcome = await captures.RunAsync(payload, stop);
            }
            state.SaveCommand(pending with { Outcome = outcome });
        }
        else if (TryReadCapture(command) is { } payload)
        {
            reportId = payload.CaptureId;
        }

        if (!outcome.Succeeded)
        {
            logger.LogWarning("Command {CommandId} failed (exit {ExitCode}): {Reason}", command.CommandId, outcome.ExitCode, outcome.Reason);
        }
        var answer = await api.ReportAsync(reportId, outcome, stop);
        if (answer.Accepted)
        {
            logger.LogInformation("Reported {CaptureId} {Outcome}", reportId, outcome.Succeeded ? "completed: " + outcome.GenerationId : "failed");
        }
        else
        {
            logger.LogWarning("The service refused the report of {CaptureId} ({Status}): {Detail}", reportId, answer.Status, answer.Detail);
            if (outcome.Succeeded)
            {
                // The service did not record this generation, so retention may collect its chunks: the next capture
                // must not trust a cache built on it.
                ForgetChangeCache();
            }
        }
        state.DeleteCommand();
        options.Reported?.Invoke(pending with { Outcome = outcome }, answer);
    }

    private void ForgetChangeCache()
    {
        try
        {
            if (Directory.Exists(state.CacheDirectory))
            {
                Directory.Delete(state.CacheDirectory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not clear the change cache {Directory}: {Error}", state.CacheDirectory, e.Message);
        }
    }

    private static CapturePayload? TryReadCapture(AgentCommandMessage command)
    {
        try
        {
            return command.Payload.ValueKind == JsonValueKind.Object
                && command.Payload.Deserialize(DaemonJsonContext.Default.CapturePayload) is { CaptureId.Length: > 0, Store.Length: > 0 } payload
                ? payload
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset Deadline(AgentCommandMessage command) =>
        TryReadCapture(command)?.Deadline is { } deadline && deadline < command.ExpiresAt ? deadline : command.ExpiresAt;
}
