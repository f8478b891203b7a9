using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using ImageBackup.Application.Agents;
using ImageBackup.Storage.Tables;

namespace ImageBackup.Storage.Queues;

/// <summary>
/// The agent command channel on Azure Storage queues (runs on Azurite): one queue per agent, duplicate detection by a
/// conditional insert of the command id, time-to-live from the command's expiry. A taken message stays hidden for
/// a redelivery delay and is deleted only when acknowledged, so a lost reply is delivered again.
/// </summary>
/// <param name="queues">The queue service.</param>
/// <param name="tables">Tables (for duplicate detection and receipts).</param>
/// <param name="clock">The app clock.</param>
/// <param name="redeliveryDelay">How long a taken, unacknowledged command stays hidden (default <see cref="DefaultRedeliveryDelay"/>).</param>
public sealed class StorageQueueAgentCommandChannel(QueueServiceClient queues, TableProvisioner tables, TimeProvider clock, TimeSpan? redeliveryDelay = null) : IAgentCommandChannel
{
    private const string SentTable = "AgentCommandsSent";
    /// <summary>How long a taken, unacknowledged command stays hidden before it is delivered again: an agent does not poll while it captures.</summary>
    public static readonly TimeSpan DefaultRedeliveryDelay = TimeSpan.FromSeconds(60);

    private readonly TimeSpan redeliveryDelay = redeliveryDelay ?? DefaultRedeliveryDelay;

    private const string StateColumn = "State";
    /// <summary>
    /// How often a waiting long poll looks at its queue itself. A command sent by this process wakes the poll at once;
    /// this only bounds how late a command sent by another instance is seen (the agent's next poll also looks first).
    /// With 2,000 idle agents the old 250 ms → 10 s ramp restarted on every poll cost ≈ 500 receives/s.
    /// </summary>
    private static readonly TimeSpan FallbackPollInterval = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> wakeUps = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task SendAsync(AgentCommand command, CancellationToken cancellationToken)
    {
        var ttl = command.ExpiresAt - clock.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        // The row goes first as "sending" and becomes "sent" after the message: a retry after a crash in between sends
        // again (at least once) instead of believing a message exists that never went out.
        var sent = await tables.GetAsync(SentTable, cancellationToken);
        var row = new TableEntity(command.AgentId, command.SendId) { [StateColumn] = "sending" };
        try
        {
            await sent.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await sent.GetEntityAsync<TableEntity>(command.AgentId, command.SendId, cancellationToken: cancellationToken);
            if (existing.Value.GetString(StateColumn) != "sending")
            {
                return; // Sent before: duplicate detection.
            }
        }

        var queue = await QueueAsync(command.AgentId, cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(command), visibilityTimeout: null, timeToLive: ttl, cancellationToken);
        row[StateColumn] = "sent";
        await sent.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);

        // A long poll waiting in this process answers at once; others find the message at their next poll.
        if (wakeUps.TryRemove(command.AgentId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    /// <inheritdoc />
    public async Task<AgentCommand?> TakeNextAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(agentId, cancellationToken);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            var wakeUp = wakeUps.GetOrAdd(agentId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var received = await queue.ReceiveMessageAsync(redeliveryDelay, cancellationToken);
            if (received.Value is { } message)
            {
                var command = JsonSerializer.Deserialize<AgentCommand>(message.Body.ToString())!;
                if (command.ExpiresAt <= clock.GetUtcNow())
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    continue;
                }

                // Hidden, not deleted: the acknowledgement deletes it with this receipt.
                var sent = await tables.GetAsync(SentTable, cancellationToken);
                await sent.UpsertEntityAsync(
                    new TableEntity(agentId, ReceiptRow(command.CommandId)) { [StateColumn] = "taken", ["MessageId"] = message.MessageId, ["PopReceipt"] = message.PopReceipt },
                    TableUpdateMode.Merge,
                    cancellationToken);
                return command;
            }

            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            // Sleep until a send in this process wakes us, the fallback interval passes, or the wait ends (the agent's
            // next poll looks first, so the end of a wait needs no look of its own).
            var woken = await Task.WhenAny(Task.Delay(FallbackPollInterval < left ? FallbackPollInterval : left, clock, cancellationToken), wakeUp.Task) == wakeUp.Task;
            cancellationToken.ThrowIfCancellationRequested();
            if (!woken && clock.GetUtcNow() >= deadline)
            {
                return null;
            }
        }
    }

    /// <inheritdoc />
    public async Task AcknowledgeAsync(string agentId, string commandId, CancellationToken cancellationToken)
    {
        var sent = await tables.GetAsync(SentTable, cancellationToken);
        var row = await sent.GetEntityIfExistsAsync<TableEntity>(agentId, ReceiptRow(commandId), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetString("PopReceipt") is not { } receipt)
        {
            return;
        }

        var queue = await QueueAsync(agentId, cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(row.Value.GetString("MessageId"), receipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // Gone (expired or deleted), or taken again since: that delivery will be acknowledged by its own report.
        }

        row.Value[StateColumn] = "acknowledged";
        await sent.UpsertEntityAsync(row.Value, TableUpdateMode.Merge, cancellationToken);
    }

    private static string ReceiptRow(string commandId) => "receipt-" + commandId;

    private Task<QueueClient> QueueAsync(string agentId, CancellationToken cancellationToken) =>
        created.GetOrAdd(agentId, id => new Lazy<Task<QueueClient>>(async () =>
        {
            var queue = queues.GetQueueClient(QueueName(id));
            await queue.CreateIfNotExistsAsync();
            return queue;
        })).Value.WaitAsync(cancellationToken);

    /// <summary>The queue of an agent: <c>agent-</c> and the agent id's hex part (queue names are lower-case).</summary>
    public static string QueueName(string agentId) => "agent-" + new string(agentId.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
