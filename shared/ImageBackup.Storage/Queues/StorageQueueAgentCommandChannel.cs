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
/// conditional insert of the command id, time-to-live from the command's expiry.
/// </summary>
public sealed class StorageQueueAgentCommandChannel(QueueServiceClient queues, TableProvisioner tables, TimeProvider clock) : IAgentCommandChannel
{
    private const string SentTable = "AgentCommandsSent";
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPollInterval = TimeSpan.FromSeconds(10);
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

        var sent = await tables.GetAsync(SentTable, cancellationToken);
        try
        {
            await sent.AddEntityAsync(new TableEntity(command.AgentId, command.CommandId), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return; // Sent before: duplicate detection.
        }

        var queue = await QueueAsync(command.AgentId, cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(command), visibilityTimeout: null, timeToLive: ttl, cancellationToken);

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
        var interval = FirstPollInterval;
        while (true)
        {
            var wakeUp = wakeUps.GetOrAdd(agentId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var received = await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30), cancellationToken);
            if (received.Value is { } message)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                var command = JsonSerializer.Deserialize<AgentCommand>(message.Body.ToString())!;
                if (command.ExpiresAt > clock.GetUtcNow())
                {
                    return command;
                }

                continue;
            }

            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            // Back off while the queue stays empty, so thousands of idle agents cost few requests.
            await Task.WhenAny(Task.Delay(interval < left ? interval : left, clock, cancellationToken), wakeUp.Task);
            cancellationToken.ThrowIfCancellationRequested();
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, LongestPollInterval.Ticks));
        }
    }

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
