namespace ImageBackup.Application.Agents;

/// <summary>
/// Port to the queue that carries commands to agents: Azure Service Bus sessions in Azure, Azure Storage queues where
/// Service Bus cannot run. The HTTP API reads it on the agent's behalf, so agents never hold queue credentials.
/// </summary>
public interface IAgentCommandChannel
{
    /// <summary>Sends a command; sending the same <see cref="AgentCommand.CommandId"/> again delivers it at most once.</summary>
    Task SendAsync(AgentCommand command, CancellationToken cancellationToken);

    /// <summary>Takes the next command for <paramref name="agentId"/>, waiting up to <paramref name="wait"/>; <c>null</c> when none came.</summary>
    Task<AgentCommand?> TakeNextAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken);
}
