namespace ImageBackup.Domain.Retention;

/// <summary>The sweep half of chunk garbage collection, kept pure so its safety rule can be tested exhaustively (see docs/retention.md).</summary>
public static class ChunkSweep
{
    /// <summary>The shortest grace accepted: longer than a capture may run (the 6-hour window) plus clock skew.</summary>
    public static TimeSpan MinimumGrace { get; } = TimeSpan.FromHours(7);

    /// <summary>
    /// The chunks that may be deleted: referenced by no kept generation and no capture in flight, and last written
    /// before <paramref name="markStartedAt"/> − <paramref name="grace"/>, in id order.
    /// </summary>
    /// <param name="referencedByKept">Chunk ids of every generation retention keeps, read after the mark started.</param>
    /// <param name="referencedByInFlight">Chunk ids that captures not yet committed may reference, including reused ones.</param>
    /// <param name="chunks">The chunks in the store.</param>
    /// <param name="markStartedAt">When the mark began, on the store's clock, before any manifest was listed.</param>
    /// <param name="grace">How far before the mark a chunk must have been written; at least <see cref="MinimumGrace"/>.</param>
    public static IReadOnlyList<string> Plan(
        IReadOnlySet<string> referencedByKept,
        IReadOnlySet<string> referencedByInFlight,
        IEnumerable<ChunkInfo> chunks,
        DateTimeOffset markStartedAt,
        TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(referencedByKept);
        ArgumentNullException.ThrowIfNull(referencedByInFlight);
        ArgumentNullException.ThrowIfNull(chunks);
        if (grace < MinimumGrace)
        {
            throw new ArgumentOutOfRangeException(nameof(grace), grace, $"The grace period must be at least {MinimumGrace}.");
        }

        var writtenBefore = markStartedAt - grace;
        var unreferenced = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var chunk in chunks)
        {
            if (referencedByKept.Contains(chunk.Id) || referencedByInFlight.Contains(chunk.Id))
            {
                continue;
            }

            if (!unreferenced.TryGetValue(chunk.Id, out var seen) || chunk.LastModified > seen)
            {
                unreferenced[chunk.Id] = chunk.LastModified;
            }
        }

        return unreferenced
            .Where(c => c.Value < writtenBefore)
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
