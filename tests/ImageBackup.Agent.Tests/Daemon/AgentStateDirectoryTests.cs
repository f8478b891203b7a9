using System.Text.Json;
using ImageBackup.Agent.Daemon;
using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Daemon;

[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentStateDirectoryTests
{
    [TestMethod]
    public void Credentials_are_stored_readable_by_the_owner_only_and_read_back()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var state = new AgentStateDirectory(folder.File("state"));
        var credentials = new AgentCredentials("agt-0123456789abcdef", "iba_secret", "ctr-0123456789abcdef", "http://127.0.0.1:7071/api/");

        // Act
        state.SaveCredentials(credentials);
        var read = new AgentStateDirectory(folder.File("state")).ReadCredentials();

        // Assert
        Assert.AreEqual(credentials, read);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state.CredentialsFile));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state.Path));
        Assert.IsFalse(File.Exists(state.CredentialsFile + ".tmp"));
    }

    [TestMethod]
    public void Logging_the_credentials_never_shows_the_key()
    {
        // Arrange
        var credentials = new AgentCredentials("agt-0123456789abcdef", "iba_secret", "ctr-0123456789abcdef", "http://127.0.0.1:7071/api/");

        // Act
        var text = credentials.ToString();

        // Assert
        Assert.DoesNotContain("iba_secret", text);
        Assert.Contains("agt-0123456789abcdef", text);
    }

    [TestMethod]
    public void A_saved_command_comes_back_with_its_payload_and_outcome_and_is_gone_after_delete()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var state = new AgentStateDirectory(folder.File("state"));
        var command = DaemonCommands.Capture("cap-20270105-0123456789abcdef-1", "https://account.blob.core.windows.net/ctr-0123456789abcdef?sp=cw&sig=abc", DateTimeOffset.Parse("2027-01-05T06:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture));

        // Act
        state.SaveCommand(new PendingCommand(command, CaptureOutcome.Completed("20270104T150012Z-1a2b3c4d")));
        var read = state.ReadCommand();
        var mode = File.GetUnixFileMode(state.CommandFile);
        state.DeleteCommand();

        // Assert
        Assert.IsNotNull(read);
        Assert.AreEqual("cap-20270105-0123456789abcdef-1", read.Command.CommandId);
        Assert.AreEqual("capture", read.Command.Kind);
        Assert.AreEqual(command.Payload.GetProperty("store").GetString(), read.Command.Payload.GetProperty("store").GetString());
        Assert.AreEqual("20270104T150012Z-1a2b3c4d", read.Outcome?.GenerationId);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.IsNull(state.ReadCommand());
    }

    [TestMethod]
    public void A_damaged_command_file_is_reported_with_its_path()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var state = new AgentStateDirectory(folder.File("state"));
        File.WriteAllText(state.CommandFile, "{\"command\": ");

        // Act
        var error = Assert.ThrowsExactly<InvalidDataException>(() => state.ReadCommand());

        // Assert
        Assert.Contains(state.CommandFile, error.Message);
    }

    [TestMethod]
    public void A_command_as_the_service_writes_it_parses_with_its_capture_payload()
    {
        // Arrange
        const string json = """
            {"commandId":"cap-20270105-0123456789abcdef-1","kind":"capture",
             "payload":{"captureId":"cap-20270105-0123456789abcdef-1","night":"2027-01-05","attempt":1,
                        "store":"https://x.blob.core.windows.net/ctr-0123456789abcdef?sv=1&sp=cw&sig=s","deadline":"2027-01-05T06:00:00+09:00"},
             "expiresAt":"2027-01-05T06:00:00+09:00"}
            """;

        // Act
        var command = JsonSerializer.Deserialize<AgentCommandMessage>(json, JsonSerializerOptions.Web)!;
        var payload = command.Payload.Deserialize<CapturePayload>(JsonSerializerOptions.Web)!;

        // Assert
        Assert.AreEqual(AgentCommandMessage.CaptureKind, command.Kind);
        Assert.AreEqual(1, payload.Attempt);
        Assert.AreEqual(new DateTimeOffset(2027, 1, 4, 21, 0, 0, TimeSpan.Zero), payload.Deadline);
    }
}
