namespace ImageBackup.FileRestore.FileSystems.Ntfs;

/// <summary>One data run: <see cref="Length"/> clusters from virtual cluster <see cref="Vcn"/>, at <see cref="Lcn"/> or sparse (Lcn -1).</summary>
internal readonly record struct NtfsRun(long Vcn, long Lcn, long Length)
{
    public bool IsSparse => Lcn < 0;

    public long EndVcn => Vcn + Length;
}
