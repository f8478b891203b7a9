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
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

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
    }

    /// <inheritdoc />
    public async Task<AgentCommand?> TakeNextAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(agentId, cancellationToken);
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
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

            if (clock.GetUtcNow() + PollInterval > deadline)
            {
                return null;
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }

    private async Task<QueueClient> QueueAsync(string agentId, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(QueueName(agentId));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return queue;
    }

    /// <summary>The queue of an agent: <c>agent-</c> and the agent id's hex part (queue names are lower-case).</summary>
    public static string QueueName(string agentId) => "agent-" + new string(agentId.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
