using ImageBackup.FileRestore.Reading;

namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// The runs of one non-resident attribute, merged from all its extents (base and extension records) in VCN order and
/// checked to be contiguous, so any byte of the attribute maps to one cluster, a sparse run, or an error.
/// </summary>
internal sealed class NtfsClusterMap
{
    private readonly NtfsRun[] runs;
    private readonly IRandomAccessSource source;
    private readonly int clusterSize;

    private NtfsClusterMap(NtfsRun[] runs, IRandomAccessSource source, int clusterSize)
    {
        this.runs = runs;
        this.source = source;
        this.clusterSize = clusterSize;
    }

    /// <summary>Clusters mapped (sparse or not) from VCN 0.</summary>
    public long MappedClusters => runs.Length == 0 ? 0 : runs[^1].EndVcn;

    public IReadOnlyList<NtfsRun> Runs => runs;

    /// <summary>Merges the extents of one attribute; they must follow each other without gaps or overlaps.</summary>
    public static NtfsClusterMap Build(IEnumerable<NtfsAttribute> extents, IRandomAccessSource source, NtfsBootSector boot, string what)
    {
        var merged = new List<NtfsRun>();
        long nextVcn = 0;
        foreach (var extent in extents.OrderBy(e => e.StartVcn))
        {
            if (extent.StartVcn != nextVcn)
            {
                throw new CorruptImageException($"NTFS: {what} has attribute extents that leave a gap or overlap at VCN {nextVcn}.");
            }

            foreach (var run in extent.Runs)
            {
                if (run.Vcn != nextVcn)
                {
                    throw new CorruptImageException($"NTFS: {what} has a runlist that is not contiguous at VCN {nextVcn}.");
                }

                merged.Add(run);
                nextVcn = run.EndVcn;
            }

            if (nextVcn != extent.LastVcn + 1)
            {
                throw new CorruptImageException($"NTFS: {what} runlist ends at VCN {nextVcn} but the attribute says {extent.LastVcn + 1}.");
            }
        }

        return new NtfsClusterMap([.. merged], source, boot.ClusterSize);
    }

    /// <summary>Index of the run holding <paramref name="vcn"/>, or -1 when no run maps it.</summary>
    public int FindRun(long vcn)
    {
        int low = 0, high = runs.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (runs[middle].EndVcn <= vcn)
            {
                low = middle + 1;
            }
            else if (runs[middle].Vcn > vcn)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }

        return -1;
    }

    /// <summary>Reads raw (not decompressed) attribute bytes; sparse runs read as zeros, unmapped ranges are corrupt.</summary>
    public void ReadAt(long position, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var vcn = position / clusterSize;
            var index = FindRun(vcn);
            if (index < 0)
            {
                throw new CorruptImageException($"NTFS: attribute byte {position} is not mapped by its runlist.");
            }

            var run = runs[index];
            var within = position - (run.Vcn * clusterSize);
            var chunk = (int)Math.Min(destination.Length, (run.Length * clusterSize) - within);
            if (run.IsSparse)
            {
                destination[..chunk].Clear();
            }
            else
            {
                source.ReadAt((run.Lcn * clusterSize) + within, destination[..chunk]);
            }

            destination = destination[chunk..];
            position += chunk;
        }
    }
}
