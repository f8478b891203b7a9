using ImageBackup.Agent.Console;
using ImageBackup.FileRestore;
using ImageBackup.FileRestore.FileSystems;
using ImageBackup.FileRestore.Reading;
using ImageBackup.FileRestore.Restore;
using ImageBackup.FileRestore.Volumes;
using ImageBackup.Imaging.Storage;

namespace ImageBackup.Agent.Commands;

/// <summary>
/// What ls and restore-files share: open the generation as a random-access source, discover its volumes, open file
/// systems once per volume, and turn file-restore failures into one "error:" line and their exit code.
/// </summary>
internal sealed class RestoreFilesSession : IDisposable
{
    private readonly Dictionary<string, IReadOnlyFileSystem> fileSystems = new(StringComparer.Ordinal);
    private DiscoveredVolumes? volumes;

    private RestoreFilesSession(GenerationSource source) => Source = source;

    /// <summary>The generation being read.</summary>
    public GenerationSource Source { get; }

    /// <summary>Volumes of the generation (discovered on first use).</summary>
    public DiscoveredVolumes Volumes => volumes ??= VolumeDiscovery.Discover(Source);

    /// <summary>Opens the generation <paramref name="generationId"/> in <paramref name="store"/>.</summary>
    public static async Task<RestoreFilesSession> OpenAsync(string store, string generationId, CancellationToken cancellationToken)
    {
        var chunkStore = ChunkStoreFactory.Open(store);
        var source = await GenerationSource.OpenAsync(chunkStore, generationId, new GenerationSourceOptions(), cancellationToken);
        return new RestoreFilesSession(source);
    }

    /// <summary>The file system of volume <paramref name="name"/>, opened once.</summary>
    public IReadOnlyFileSystem FileSystem(string name)
    {
        if (!fileSystems.TryGetValue(name, out var fileSystem))
        {
            fileSystem = FileSystemFactory.Open(Volumes.Find(name));
            fileSystems[name] = fileSystem;
        }
        return fileSystem;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a dedicated thread (readers block on chunk fetches) and maps file-restore
    /// failures to exit codes; store and generation failures go on to the agent's <see cref="FailureReporter"/>.
    /// </summary>
    public static async Task<int> RunAsync(Func<int> work, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (CorruptImageException e)
        {
            return Fail(ExitCodes.CorruptData, "damaged or inconsistent disk structures in the generation: " + e.Message);
        }
        catch (UnsupportedLayoutException e)
        {
            return Fail(RestoreFilesExitCodes.UnsupportedLayout, e.Message);
        }
        catch (VolumeNotFoundException e)
        {
            return Fail(RestoreFilesExitCodes.PathNotFound, e.Message);
        }
        catch (TargetExistsException e)
        {
            return Fail(RestoreFilesExitCodes.TargetExists, e.Message + "; nothing was replaced");
        }
        catch (ArgumentException e)
        {
            return Fail(ExitCodes.Usage, e.Message);
        }
        catch (RestoreFilesTargetException e)
        {
            return Fail(ExitCodes.TargetUnwritable, e.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Source.Dispose();

    private static int Fail(int code, string message)
    {
        System.Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
