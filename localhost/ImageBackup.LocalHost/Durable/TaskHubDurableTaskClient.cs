using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Core = DurableTask.Core;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace ImageBackup.LocalHost.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> handed to <c>[DurableClient]</c> parameters on the local host: it starts, queries,
/// raises events to and terminates instances on the same DTFx task hub the worker runs.
/// </summary>
/// <remarks>
/// Starting an instance id that is pending, running or suspended throws <see cref="InvalidOperationException"/>, as Durable
/// Functions does by default, so a fixed-id singleton is never restarted by a second start.
/// </remarks>
public sealed class TaskHubDurableTaskClient(IOrchestrationServiceClient client, DataConverter converter) : DurableTaskClient("local")
{
    private static readonly Core.OrchestrationStatus[] RunningStates =
        [Core.OrchestrationStatus.Pending, Core.OrchestrationStatus.Running, Core.OrchestrationStatus.Suspended, Core.OrchestrationStatus.ContinuedAsNew];

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var existing = await GetInstanceAsync(instanceId, cancellation);
        if (existing is not null && RunningStates.Contains(ToCore(existing.RuntimeStatus)))
        {
            throw new InvalidOperationException($"An instance with ID '{instanceId}' already exists and is {existing.RuntimeStatus}.");
        }

        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
                Tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value) ?? [],
            },
        };
        try
        {
            await client.CreateTaskOrchestrationAsync(message, RunningStates);
        }
        catch (Core.Exceptions.OrchestrationAlreadyExistsException e)
        {
            throw new InvalidOperationException($"An instance with ID '{instanceId}' already exists.", e);
        }

        return instanceId;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new EventRaisedEvent(-1, converter.Serialize(eventPayload)) { Name = eventName });

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        client.ForceTerminateTaskOrchestrationAsync(instanceId, converter.Serialize(options?.Output));

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        // The Azure Storage backend answers an unknown id with a list holding one null.
        var states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states?.FirstOrDefault(s => s is not null) is { } state ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = (DurableTask.Core.Query.IOrchestrationServiceQueryClient)client;
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var coreQuery = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await query.GetOrchestrationWithQueryAsync(coreQuery, cancellation);
            return new Page<OrchestrationMetadata>(
                result.OrchestrationState.Select(s => ToMetadata(s, coreQuery.FetchInputsAndOutputs)).ToList(), result.ContinuationToken);
        });
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is not null && metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return metadata;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var result = await ((IOrchestrationServicePurgeClient)client).PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var coreFilter = new Core.PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue, filter.CreatedTo?.UtcDateTime, filter.Statuses?.Select(ToCore));
        var result = await ((IOrchestrationServicePurgeClient)client).PurgeInstanceStateAsync(coreFilter);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => default;

    private Task SendAsync(string instanceId, HistoryEvent historyEvent) =>
        client.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = historyEvent });

    private OrchestrationMetadata ToMetadata(Core.OrchestrationState state, bool withData) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        DataConverter = withData ? converter : null,
        RuntimeStatus = (OrchestrationRuntimeStatus)(int)state.OrchestrationStatus,
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = withData ? state.Input : null,
        SerializedOutput = withData ? state.Output : null,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.FailureDetails is { } f ? new TaskFailureDetails(f.ErrorType, f.ErrorMessage, f.StackTrace, null, null) : null,
    };

    private static Core.OrchestrationStatus ToCore(OrchestrationRuntimeStatus status) => (Core.OrchestrationStatus)(int)status;
}
