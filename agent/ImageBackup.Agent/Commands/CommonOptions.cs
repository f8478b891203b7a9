using System.CommandLine;

namespace ImageBackup.Agent.Commands;

/// <summary>Options shared by several commands, so their names and help texts stay identical.</summary>
internal static class CommonOptions
{
    /// <summary>Creates the --store option.</summary>
    public static Option<string> Store() => new("--store")
    {
        Description = "Chunk store: a local directory, or an http(s):// blob container URL with a SAS token",
        Required = true,
    };

    /// <summary>Creates the --generation option.</summary>
    public static Option<string> Generation() => new("--generation")
    {
        Description = "Generation id, as printed by capture (yyyyMMddTHHmmssZ-xxxxxxxx)",
        Required = true,
    };

    /// <summary>Creates the --parallelism option.</summary>
    public static Option<int?> Parallelism() => new("--parallelism")
    {
        Description = "Chunks processed at once (default: CPUs for a directory store, 4 × CPUs (at least 8) for a blob store); about 3 × the chunk size of memory each",
    };

    /// <summary>
    /// Returns the explicit --parallelism, else a default suited to the store: CPU-bound for a directory, more for blob
    /// storage where each chunk waits on a network round trip (memory stays small: a few MiB per worker).
    /// </summary>
    public static int ResolveParallelism(int? explicitValue, string store) =>
        explicitValue ?? (store.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? Math.Max(8, 4 * Environment.ProcessorCount)
            : Environment.ProcessorCount);
}
