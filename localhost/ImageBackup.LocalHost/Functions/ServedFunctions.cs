using System.Collections.Concurrent;

namespace ImageBackup.LocalHost.Functions;

/// <summary>What the local host actually serves, recorded where each function is wired up, so a test can compare it with the Functions assembly.</summary>
public sealed class ServedFunctions
{
    private readonly ConcurrentDictionary<string, string> served = new(StringComparer.Ordinal);

    /// <summary>Records that function <paramref name="name"/> is served as <paramref name="kind"/>.</summary>
    public void Add(string name, FunctionKind kind) => served[name] = kind.ToString().ToLowerInvariant();

    /// <summary>Function name to kind, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() => new SortedDictionary<string, string>(served, StringComparer.Ordinal);
}
