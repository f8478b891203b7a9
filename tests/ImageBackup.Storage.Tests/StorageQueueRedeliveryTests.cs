using Azure.Data.Tables;
using Azure.Storage.Queues;
using ImageBackup.Application.Agents;
using ImageBackup.Storage.Queues;
using ImageBackup.Storage.Tables;
using ImageBackup.Testing;

namespace ImageBackup.Storage.Tests;

[TestClass]
public sealed class StorageQueueRedeliveryTests
{
    private static readonly StorageQueueAgentCommandChannel Channel = new(
        new QueueServiceClient(TestStorage.ConnectionString),
        new TableProvisioner(new TableServiceClient(TestStorage.ConnectionString)),
        TimeProvider.System,
        redeliveryDelay: TimeSpan.FromSeconds(2));

    [TestMethod]
    public async Task A_taken_command_whose_reply_was_lost_is_delivered_again_until_acknowledged()
    {
        // Arrange
        var agentId = "agt-" + Guid.NewGuid().ToString("N")[..16];
        await Channel.SendAsync(new AgentCommand(agentId, "cap-lost-reply", "capture", "{}", DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);

        // Act: the first take's reply never reaches the agent; the second is acknowledged by the agent's report.
        var lost = await Channel.TakeNextAsync(agentId, TimeSpan.FromSeconds(5), CancellationToken.None);
        var hidden = await Channel.TakeNextAsync(agentId, TimeSpan.Zero, CancellationToken.None);
        // A message visible again wakes no one: a waiting poll finds it at its next look (every 15 s).
        var again = await Channel.TakeNextAsync(agentId, TimeSpan.FromSeconds(20), CancellationToken.None);
        await Channel.AcknowledgeAsync(agentId, "cap-lost-reply", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterAck = await Channel.TakeNextAsync(agentId, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        Assert.AreEqual("cap-lost-reply", lost?.CommandId);
        Assert.IsNull(hidden, "a taken command is hidden while its agent works");
        Assert.AreEqual("cap-lost-reply", again?.CommandId);
        Assert.IsNull(afterAck, "an acknowledged command is never delivered again");
    }

    [TestMethod]
    public async Task A_send_retried_after_a_crash_between_the_record_and_the_message_still_sends_it()
    {
        // Arrange: the duplicate-detection row exists but the message never went out (the sender died in between).
        var agentId = "agt-" + Guid.NewGuid().ToString("N")[..16];
        var tables = new TableProvisioner(new TableServiceClient(TestStorage.ConnectionString));
        var sent = await tables.GetAsync("AgentCommandsSent", CancellationToken.None);
        await sent.AddEntityAsync(new TableEntity(agentId, "cap-half-sent") { ["State"] = "sending" });

        // Act
        await Channel.SendAsync(new AgentCommand(agentId, "cap-half-sent", "capture", "{}", DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);
        await Channel.SendAsync(new AgentCommand(agentId, "cap-half-sent", "capture", "{}", DateTimeOffset.UtcNow.AddMinutes(5)), CancellationToken.None);
        var first = await Channel.TakeNextAsync(agentId, TimeSpan.FromSeconds(5), CancellationToken.None);
        var second = await Channel.TakeNextAsync(agentId, TimeSpan.FromSeconds(1), CancellationToken.None);

        // Assert
        Assert.AreEqual("cap-half-sent", first?.CommandId);
        Assert.IsNull(second, "once sent, the same id is not sent again");
    }
}
