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
    public static Option<int> Parallelism() => new("--parallelism")
    {
        Description = "Chunks processed at once (default: number of CPUs); memory is about 3 MiB per unit",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };
}
