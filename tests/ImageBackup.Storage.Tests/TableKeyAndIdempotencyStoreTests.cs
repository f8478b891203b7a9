using Azure.Data.Tables;
using ImageBackup.Application.Security;
using ImageBackup.Storage.Tables;
using ImageBackup.Testing;

namespace ImageBackup.Storage.Tests;

[TestClass]
public sealed class TableKeyAndIdempotencyStoreTests
{
    private static TableProvisioner Tables() => new(new TableServiceClient(TestStorage.ConnectionString));

    [TestMethod]
    public async Task Removing_a_subjects_keys_makes_every_one_of_them_unknown()
    {
        // Arrange
        var store = new TableApiKeyStore(Tables());
        var subject = "cus-" + Guid.NewGuid().ToString("N")[..16];
        var hashes = new[] { ApiKeyFormat.Hash(ApiKeyFormat.NewKey(Role.Customer)), ApiKeyFormat.Hash(ApiKeyFormat.NewKey(Role.Customer)) };
        foreach (var hash in hashes)
        {
            await store.AddAsync(new ApiKeyRecord(hash, Role.Customer, subject, subject, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        // Act
        var before = await store.FindAsync(hashes[0], CancellationToken.None);
        await store.RemoveAllForSubjectAsync(subject, CancellationToken.None);

        // Assert
        Assert.AreEqual(Role.Customer, before?.Role);
        foreach (var hash in hashes)
        {
            Assert.IsNull(await store.FindAsync(hash, CancellationToken.None));
        }
    }

    [TestMethod]
    public async Task The_first_reservation_of_an_idempotency_key_wins_and_later_ones_see_it()
    {
        // Arrange
        var store = new TableOrderIdempotencyStore(Tables());
        var customer = "cus-" + Guid.NewGuid().ToString("N")[..16];

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            store.TryReserveAsync(customer, "key-1", "hash", $"ctr-{i:D16}", CancellationToken.None)));

        // Assert
        Assert.AreEqual(1, results.Count(r => r is null), "exactly one reservation is new");
        var winner = results.Where(r => r is not null).Select(r => r!.ContractId).Distinct().Single();
        StringAssert.StartsWith(winner, "ctr-");
    }
}
