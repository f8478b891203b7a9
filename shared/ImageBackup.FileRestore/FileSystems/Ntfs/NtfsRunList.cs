namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>
/// Decodes a mapping-pairs array (runlist): variable-length (length, signed LCN delta) pairs, a zero-size delta meaning
/// a sparse run; every run is checked to lie inside the volume.
/// </summary>
internal static class NtfsRunList
{
    /// <summary>Decodes the runs of an attribute extent starting at <paramref name="startVcn"/> and ending at <paramref name="lastVcn"/>.</summary>
    public static List<NtfsRun> Decode(ReadOnlySpan<byte> pairs, long startVcn, long lastVcn, long clusterCount)
    {
        var runs = new List<NtfsRun>();
        var vcn = startVcn;
        long lcn = 0;
        var position = 0;
        while (position < pairs.Length && pairs[position] != 0)
        {
            var header = pairs[position++];
            int lengthSize = header & 0xF, offsetSize = header >> 4;
            if (lengthSize is 0 or > 8 || offsetSize > 8 || position + lengthSize + offsetSize > pairs.Length)
            {
                throw new CorruptImageException("NTFS: runlist has an invalid pair header.");
            }

            var length = ReadSigned(pairs.Slice(position, lengthSize));
            position += lengthSize;
            if (length <= 0 || length - 1 > lastVcn - vcn)
            {
                throw new CorruptImageException($"NTFS: runlist has a run of {length} clusters at VCN {vcn} beyond the attribute's last VCN {lastVcn}.");
            }

            if (offsetSize == 0)
            {
                runs.Add(new NtfsRun(vcn, -1, length));
            }
            else
            {
                lcn += ReadSigned(pairs.Slice(position, offsetSize));
                position += offsetSize;
                if (lcn < 0 || lcn > clusterCount - length)
                {
                    throw new CorruptImageException($"NTFS: runlist points at clusters {lcn}+{length}, outside the {clusterCount}-cluster volume.");
                }

                runs.Add(new NtfsRun(vcn, lcn, length));
            }

            vcn += length;
        }

        return runs;
    }

    private static long ReadSigned(ReadOnlySpan<byte> bytes)
    {
        long value = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        var unused = 64 - (bytes.Length * 8);
        return unused == 0 ? value : (value << unused) >> unused;
    }
}
