using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ImageBackup.Agent.Daemon;

/// <summary>
/// The daemon's state directory (default /var/lib/imagebackup-agent, mode 0700): <c>agent.json</c> holds the agent key
/// and <c>command.json</c> the command being worked on, both mode 0600 and replaced atomically, so a crash at any point
/// leaves either the old or the new file and no other local user can read the key or the SAS URL.
/// </summary>
public sealed class AgentStateDirectory
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Opens (and creates, owner-only) the directory at <paramref name="path"/>.</summary>
    public AgentStateDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(Path))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path);
            }
            else
            {
                Directory.CreateDirectory(Path, OwnerOnlyDirectory);
            }
        }
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>The file holding the agent's id and key.</summary>
    public string CredentialsFile => System.IO.Path.Combine(Path, "agent.json");

    /// <summary>The file holding the command being worked on.</summary>
    public string CommandFile => System.IO.Path.Combine(Path, "command.json");

    /// <summary>A folder for caches that may be deleted at any time (e.g. chunks known to be in the store).</summary>
    public string CacheDirectory => System.IO.Path.Combine(Path, "cache");

    /// <summary>The file holding the id of the pending enrollment request, so a retry after a lost answer or a restart repeats the same request.</summary>
    public string EnrollmentRequestFile => System.IO.Path.Combine(Path, "enrollment-request");

    /// <summary>The id of the enrollment request in progress, created (mode 0600) on first use.</summary>
    public string EnrollmentRequestId()
    {
        if (File.Exists(EnrollmentRequestFile) && File.ReadAllText(EnrollmentRequestFile).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }
        var id = Guid.NewGuid().ToString("N");
        WriteText(EnrollmentRequestFile, id);
        return id;
    }

    /// <summary>The stored credentials, or null before the first enrollment.</summary>
    public AgentCredentials? ReadCredentials() => Read(CredentialsFile, DaemonJsonContext.Default.AgentCredentials);

    /// <summary>Stores the credentials with mode 0600.</summary>
    public void SaveCredentials(AgentCredentials credentials) => Write(CredentialsFile, credentials, DaemonJsonContext.Default.AgentCredentials);

    /// <summary>The command left by an earlier run (crash, kill -9, stop), or null.</summary>
    public PendingCommand? ReadCommand() => Read(CommandFile, DaemonJsonContext.Default.PendingCommand);

    /// <summary>Stores the command being worked on with mode 0600 (its store URL carries a SAS token).</summary>
    public void SaveCommand(PendingCommand command) => Write(CommandFile, command, DaemonJsonContext.Default.PendingCommand);

    /// <summary>Forgets the command once its report was answered.</summary>
    public void DeleteCommand() => File.Delete(CommandFile);

    private static T? Read<T>(string file, JsonTypeInfo<T> type)
        where T : class
    {
        if (!File.Exists(file))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(file), type);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is damaged ({e.Message}); delete it to start over", e);
        }
    }

    private static void Write<T>(string file, T value, JsonTypeInfo<T> type) =>
        WriteAtomically(file, stream => JsonSerializer.Serialize(stream, value, type));

    private static void WriteText(string file, string text) =>
        WriteAtomically(file, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));

    private static void WriteAtomically(string file, Action<FileStream> write)
    {
        var temporary = file + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using (var stream = new FileStream(temporary, options))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, OwnerOnlyFile); // whatever the umask did
        }
        File.Move(temporary, file, overwrite: true);
    }
}
