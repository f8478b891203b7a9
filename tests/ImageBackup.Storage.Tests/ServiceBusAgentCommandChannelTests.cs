using Azure.Messaging.ServiceBus;
using ImageBackup.Application.Agents;
using ImageBackup.Storage.ServiceBus;

namespace ImageBackup.Storage.Tests;

/// <summary>
/// The same contract against a real Service Bus namespace. Service Bus has no emulator that runs here, so these tests
/// run only when <c>ImageBackup__ServiceBus</c> holds a connection string (queue <c>agent-commands</c>, sessions and
/// duplicate detection enabled); otherwise they are reported as skipped.
/// </summary>
[TestClass]
public sealed class ServiceBusAgentCommandChannelTests : AgentCommandChannelContract
{
    private static ServiceBusClient? client;

    protected override IAgentCommandChannel Channel =>
        new ServiceBusAgentCommandChannel(client!, ImageBackup.Storage.StorageServiceCollectionExtensions.AgentCommandQueue, TimeProvider.System);

    [TestInitialize]
    public void RequireServiceBus()
    {
        var connection = Environment.GetEnvironmentVariable("ImageBackup__ServiceBus");
        if (string.IsNullOrWhiteSpace(connection))
        {
            Assert.Inconclusive("Skipped: no Service Bus here. Set ImageBackup__ServiceBus to a namespace with a session-enabled queue 'agent-commands' to run these.");
        }

        client ??= new ServiceBusClient(connection);
    }
}
