using Azure.Data.Tables;
using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;
using ImageBackup.Storage.Tables;
using ImageBackup.Testing;

namespace ImageBackup.Storage.Tests;

[TestClass]
public sealed class TableContractStoreTests
{
    private static TableContractStore NewStore() => new(new TableProvisioner(new TableServiceClient(TestStorage.ConnectionString)));

    private static Contract NewContract() => new(
        "ctr-" + Guid.NewGuid().ToString("N")[..16],
        "cus-" + Guid.NewGuid().ToString("N")[..16],
        ContractStatus.Active,
        ["backup-D7", "backup-M6"],
        new ServerTarget("web01.example.jp", "203.0.113.7", ServerOs.Windows2016, 123_456_789),
        new DateTimeOffset(2027, 1, 31, 23, 0, 0, TimeSpan.FromHours(9)),
        new DateOnly(2027, 2, 1));

    [TestMethod]
    public async Task A_contract_reads_back_exactly_as_stored()
    {
        // Arrange
        var store = NewStore();
        var contract = NewContract() with { Status = ContractStatus.CancellationScheduled, EndMonth = new CalendarMonth(2027, 5), CancellationRequestedAt = DateTimeOffset.UnixEpoch };

        // Act
        await store.AddAsync(contract, "tokenhash", CancellationToken.None);
        var read = await store.FindAsync(contract.Id, CancellationToken.None);

        // Assert
        Assert.IsNotNull(read);
        Assert.AreEqual(contract with { PlanCodes = read.Contract.PlanCodes }, read.Contract);
        CollectionAssert.AreEqual(contract.PlanCodes.ToList(), read.Contract.PlanCodes.ToList());
    }

    [TestMethod]
    public async Task Of_two_writers_holding_the_same_version_only_the_first_wins()
    {
        // Arrange
        var store = NewStore();
        var contract = NewContract();
        await store.AddAsync(contract, "tokenhash", CancellationToken.None);
        var version = (await store.FindAsync(contract.Id, CancellationToken.None))!.Version;

        // Act
        var first = await store.TryReplaceAsync(contract with { EndMonth = new CalendarMonth(2027, 6), Status = ContractStatus.CancellationScheduled }, version, CancellationToken.None);
        var second = await store.TryReplaceAsync(contract with { EndMonth = new CalendarMonth(2027, 9), Status = ContractStatus.CancellationScheduled }, version, CancellationToken.None);
        var stored = await store.FindAsync(contract.Id, CancellationToken.None);

        // Assert
        Assert.IsTrue(first);
        Assert.IsFalse(second);
        Assert.AreEqual(new CalendarMonth(2027, 6), stored!.Contract.EndMonth);
    }

    [TestMethod]
    public async Task A_customer_lists_only_its_own_contracts()
    {
        // Arrange
        var store = NewStore();
        var mine = NewContract();
        var theirs = NewContract();
        await store.AddAsync(mine, "a", CancellationToken.None);
        await store.AddAsync(theirs, "b", CancellationToken.None);

        // Act
        var list = await store.ListAsync(mine.CustomerId, CancellationToken.None);

        // Assert
        Assert.HasCount(1, list);
        Assert.AreEqual(mine.Id, list[0].Id);
    }
}
