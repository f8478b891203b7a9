namespace ImageBackup.Testing;

/// <summary>The storage account tests talk to: the Azurite that ./test.sh starts, named by AzureWebJobsStorage.</summary>
public static class TestStorage
{
    /// <summary>The connection string; fails the test with a clear message when it is not set.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } value
            ? value
            : throw new AssertFailedException(
                "AzureWebJobsStorage is not set. Run the tests with ./test.sh, which starts Azurite and sets it, or point it at a running storage endpoint.");
}
