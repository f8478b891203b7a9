using Azure.Data.Tables;
using Azure.Storage.Queues;
using ImageBackup.Application.Agents;
using ImageBackup.Storage.Queues;
using ImageBackup.Storage.Tables;
using ImageBackup.Testing;

namespace ImageBackup.Storage.Tests;

[TestClass]
public sealed class StorageQueueAgentCommandChannelTests : AgentCommandChannelContract
{
    protected override IAgentCommandChannel Channel { get; } = new StorageQueueAgentCommandChannel(
        new QueueServiceClient(TestStorage.ConnectionString),
        new TableProvisioner(new TableServiceClient(TestStorage.ConnectionString)),
        TimeProvider.System);
}
