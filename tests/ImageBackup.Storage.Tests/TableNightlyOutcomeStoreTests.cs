using Azure.Data.Tables;
using ImageBackup.Application.NightlyRuns;
using ImageBackup.Storage.Tables;
using ImageBackup.Testing;

namespace ImageBackup.Storage.Tests;

[TestClass]
public sealed class TableNightlyOutcomeStoreTests
{
    private const string Night = "2027-05-10";

    private static TableNightlyOutcomeStore NewStore() => new(new TableProvisioner(new TableServiceClient(TestStorage.ConnectionString)));

    private static string NewContractId() => "ctr-" + Guid.NewGuid().ToString("N")[..16];

    private static ServerOutcome Outcome(string contractId, string status, string? generationId = null) =>
        new(Night, contractId, status, status == ServerOutcomeStatus.Succeeded ? null : $"{status} for a test", generationId, 10, 5, 1.5, 1, DateTimeOffset.UnixEpoch);

    [TestMethod]
    public async Task A_running_outcome_is_replaced_by_its_success_and_reads_back_as_stored()
    {
        // Arrange
        var store = NewStore();
        var contractId = NewContractId();
        await store.PutAsync(Outcome(contractId, ServerOutcomeStatus.Running), CancellationToken.None);

        // Act
        var stored = await store.PutAsync(Outcome(contractId, ServerOutcomeStatus.Succeeded, "20270509T150012Z-1a2b3c4d"), CancellationToken.None);
        var read = await store.FindAsync(Night, contractId, CancellationToken.None);

        // Assert
        Assert.AreEqual(Outcome(contractId, ServerOutcomeStatus.Succeeded, "20270509T150012Z-1a2b3c4d"), stored);
        Assert.AreEqual(stored, read);
    }

    [TestMethod]
    public async Task A_late_repeat_of_a_send_does_not_reopen_a_decided_night()
    {
        // Arrange
        var store = NewStore();
        var succeeded = NewContractId();
        var missed = NewContractId();
        await store.PutAsync(Outcome(succeeded, ServerOutcomeStatus.Succeeded, "20270509T150012Z-1a2b3c4d"), CancellationToken.None);
        await store.PutAsync(Outcome(missed, ServerOutcomeStatus.Missed), CancellationToken.None);

        // Act
        var afterSucceeded = await store.PutAsync(Outcome(succeeded, ServerOutcomeStatus.Running), CancellationToken.None);
        var afterMissed = await store.PutAsync(Outcome(missed, ServerOutcomeStatus.Running), CancellationToken.None);

        // Assert
        Assert.AreEqual(ServerOutcomeStatus.Succeeded, afterSucceeded.Status);
        Assert.AreEqual("20270509T150012Z-1a2b3c4d", afterSucceeded.GenerationId);
        Assert.AreEqual(ServerOutcomeStatus.Missed, afterMissed.Status);
        Assert.AreEqual(ServerOutcomeStatus.Succeeded, (await store.FindAsync(Night, succeeded, CancellationToken.None))!.Status);
        Assert.AreEqual(ServerOutcomeStatus.Missed, (await store.FindAsync(Night, missed, CancellationToken.None))!.Status);
    }

    [TestMethod]
    public async Task A_success_written_while_repeated_sends_race_it_is_what_stays()
    {
        // Arrange: many writers at once, as repeated activities after a host crash would be.
        var store = NewStore();
        var contractId = NewContractId();
        var writes = Enumerable.Range(0, 40)
            .Select(i => i == 20 ? Outcome(contractId, ServerOutcomeStatus.Succeeded, "20270509T150012Z-1a2b3c4d") : Outcome(contractId, ServerOutcomeStatus.Running))
            .ToList();

        // Act
        await Task.WhenAll(writes.Select(w => Task.Run(() => store.PutAsync(w, CancellationToken.None))));
        var read = await store.FindAsync(Night, contractId, CancellationToken.None);

        // Assert
        Assert.AreEqual(ServerOutcomeStatus.Succeeded, read!.Status);
    }
}
