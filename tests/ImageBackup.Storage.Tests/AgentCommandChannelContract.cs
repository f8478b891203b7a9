using ImageBackup.Application.Agents;

namespace ImageBackup.Storage.Tests;

/// <summary>What every agent command channel must do; each adapter's test class runs these against the real service.</summary>
public abstract class AgentCommandChannelContract
{
    /// <summary>The channel under test.</summary>
    protected abstract IAgentCommandChannel Channel { get; }

    private static string NewAgent() => "agt-" + Guid.NewGuid().ToString("N")[..16];

    private static AgentCommand Capture(string agentId, string? id = null, TimeSpan? ttl = null) =>
        new(agentId, id ?? Guid.NewGuid().ToString("N"), "capture", "{\"night\":\"2026-12-01\"}", DateTimeOffset.UtcNow + (ttl ?? TimeSpan.FromMinutes(10)));

    [TestMethod]
    public async Task A_sent_command_is_taken_by_its_agent_once()
    {
        // Arrange
        var agent = NewAgent();
        var command = Capture(agent);

        // Act
        await Channel.SendAsync(command, CancellationToken.None);
        var first = await Channel.TakeNextAsync(agent, TimeSpan.FromSeconds(10), CancellationToken.None);
        var second = await Channel.TakeNextAsync(agent, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        Assert.AreEqual(command.CommandId, first?.CommandId);
        Assert.AreEqual(command.Payload, first?.Payload);
        Assert.IsNull(second);
    }

    [TestMethod]
    public async Task A_command_sent_twice_with_one_id_is_delivered_once()
    {
        // Arrange
        var agent = NewAgent();
        var command = Capture(agent);

        // Act
        await Channel.SendAsync(command, CancellationToken.None);
        await Channel.SendAsync(command, CancellationToken.None);
        var first = await Channel.TakeNextAsync(agent, TimeSpan.FromSeconds(10), CancellationToken.None);
        var second = await Channel.TakeNextAsync(agent, TimeSpan.FromSeconds(2), CancellationToken.None);

        // Assert
        Assert.IsNotNull(first);
        Assert.IsNull(second);
    }

    [TestMethod]
    public async Task Another_agents_command_is_never_taken()
    {
        // Arrange
        var mine = NewAgent();
        var theirs = NewAgent();
        await Channel.SendAsync(Capture(theirs), CancellationToken.None);

        // Act
        var taken = await Channel.TakeNextAsync(mine, TimeSpan.FromSeconds(2), CancellationToken.None);

        // Assert
        Assert.IsNull(taken);
        Assert.IsNotNull(await Channel.TakeNextAsync(theirs, TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [TestMethod]
    public async Task An_expired_command_is_not_delivered()
    {
        // Arrange
        var agent = NewAgent();

        // Act
        await Channel.SendAsync(Capture(agent, ttl: TimeSpan.FromSeconds(-1)), CancellationToken.None);
        var taken = await Channel.TakeNextAsync(agent, TimeSpan.FromSeconds(2), CancellationToken.None);

        // Assert
        Assert.IsNull(taken);
    }
}
