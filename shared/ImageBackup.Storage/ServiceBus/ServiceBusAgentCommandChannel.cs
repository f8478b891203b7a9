using System.Text.Json;
using Azure.Messaging.ServiceBus;
using ImageBackup.Application.Agents;

namespace ImageBackup.Storage.ServiceBus;

/// <summary>
/// The agent command channel on Azure Service Bus: a session-enabled queue with duplicate detection, SessionId = agent id,
/// MessageId = the command's deduplication id, time-to-live to the command's expiry.
/// </summary>
public sealed class ServiceBusAgentCommandChannel(ServiceBusClient client, string queueName, TimeProvider clock) : IAgentCommandChannel, IAsyncDisposable
{
    private readonly ServiceBusSender sender = client.CreateSender(queueName);

    /// <inheritdoc />
    public async Task SendAsync(AgentCommand command, CancellationToken cancellationToken)
    {
        var ttl = command.ExpiresAt - clock.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        var message = new ServiceBusMessage(JsonSerializer.SerializeToUtf8Bytes(command))
        {
            SessionId = command.AgentId,
            MessageId = command.SendId,
            TimeToLive = ttl,
            ContentType = "application/json",
            Subject = command.Kind,
        };
        await sender.SendMessageAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AgentCommand?> TakeNextAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        ServiceBusSessionReceiver receiver;
        try
        {
            receiver = await client.AcceptSessionAsync(queueName, agentId, new ServiceBusSessionReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete }, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ServiceBusException e) when (e.Reason is ServiceBusFailureReason.ServiceTimeout or ServiceBusFailureReason.SessionCannotBeLocked)
        {
            return null;
        }

        await using (receiver)
        {
            var message = await receiver.ReceiveMessageAsync(wait, cancellationToken);
            return message is null ? null : JsonSerializer.Deserialize<AgentCommand>(message.Body.ToMemory().Span);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => sender.DisposeAsync();

    /// <inheritdoc />
    /// <remarks>
    /// Messages are received and deleted in one step (a session lock cannot outlive the HTTP request that took it), so there
    /// is nothing left to acknowledge; a reply lost after the take is covered by the agent's saved command and the night's
    /// timer. Peek-lock with a deferred completion is the upgrade path.
    /// </remarks>
    public Task AcknowledgeAsync(string agentId, string commandId, CancellationToken cancellationToken) => Task.CompletedTask;
}
