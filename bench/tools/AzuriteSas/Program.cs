using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

// Benchmark helper for Azurite (devstoreaccount1; its published development key is an emulator-only key, not a secret).
//   AzuriteSas create <blob endpoint> <container>...   creates the containers, prints one container SAS URL per line
//   AzuriteSas stats  <blob endpoint> <container>      prints "<blob count> <total bytes>"
//   AzuriteSas delete <blob endpoint> <container>...   deletes the containers (frees Azurite's memory)
const string account = "devstoreaccount1";
const string developmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

if (args.Length < 3 || args[0] is not ("create" or "stats" or "delete"))
{
    Console.Error.WriteLine("usage: AzuriteSas create|stats|delete <blob endpoint> <container>...");
    return 2;
}

var service = new BlobServiceClient(new Uri(args[1]), new StorageSharedKeyCredential(account, developmentKey));
foreach (var name in args.Skip(2))
{
    var container = service.GetBlobContainerClient(name);
    switch (args[0])
    {
        case "create":
            await container.CreateIfNotExistsAsync();
            Console.WriteLine(container.GenerateSasUri(
                BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.Create
                | BlobContainerSasPermissions.List | BlobContainerSasPermissions.Delete | BlobContainerSasPermissions.Add,
                DateTimeOffset.UtcNow.AddDays(1)));
            break;
        case "stats":
            long blobs = 0, bytes = 0;
            await foreach (var blob in container.GetBlobsAsync())
            {
                blobs++;
                bytes += blob.Properties.ContentLength ?? 0;
            }

            Console.WriteLine($"{blobs} {bytes}");
            break;
        default:
            await container.DeleteIfExistsAsync();
            break;
    }
}

return 0;
