namespace ImageBackup.Application.Agents;

/// <summary>
/// Port to the queue that carries commands to agents: Azure Service Bus sessions in Azure, Azure Storage queues where
/// Service Bus cannot run. The HTTP API reads it on the agent's behalf, so agents never hold queue credentials.
/// </summary>
public interface IAgentCommandChannel
{
    /// <summary>Sends a command; sending the same <see cref="AgentCommand.CommandId"/> again delivers it at most once.</summary>
    Task SendAsync(AgentCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the next command for <paramref name="agentId"/>, waiting up to <paramref name="wait"/>; <c>null</c> when none came.
    /// A taken command that is not acknowledged is delivered again after a while (adapters say how long), so a reply lost
    /// with a crashed host or a dropped connection does not lose the command.
    /// </summary>
    Task<AgentCommand?> TakeNextAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Marks a taken command as handled (the agent reported on it), so it is not delivered again; no error when it is gone.</summary>
    Task AcknowledgeAsync(string agentId, string commandId, CancellationToken cancellationToken);
}
