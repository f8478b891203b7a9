using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace ImageBackup.Agent.Tests.Support;

/// <summary>Connects to the Azurite instance named by AzureWebJobsStorage (./test.sh starts one) and makes one fresh container per test.</summary>
internal static class Azurite
{
    public static async Task<BlobContainerClient> NewContainerAsync()
    {
        var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        if (string.IsNullOrWhiteSpace(connection))
        {
            Assert.Fail("AzureWebJobsStorage is not set. Run ./test.sh, or: source scripts/azurite.sh && azurite_up && export AzureWebJobsStorage; then dotnet test.");
        }
        var container = new BlobServiceClient(connection).GetBlobContainerClient("agent-" + Guid.NewGuid().ToString("N"));
        await container.CreateAsync();
        return container;
    }

    public static string SasUrl(BlobContainerClient container, BlobContainerSasPermissions permissions, TimeSpan? validFor = null) =>
        container.GenerateSasUri(permissions, DateTimeOffset.UtcNow.Add(validFor ?? TimeSpan.FromHours(1))).ToString();
}
