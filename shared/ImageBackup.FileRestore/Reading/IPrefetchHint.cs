namespace ImageBackup.FileRestore.Reading;

/// <summary>
/// Optional ability of a source to start fetching bytes that will be read soon, so readers that know many scattered
/// reads ahead (the inodes of a directory's entries) get them fetched in parallel instead of one miss at a time.
/// </summary>
public interface IPrefetchHint
{
    /// <summary>Starts fetching <c>[offset, offset + length)</c> in the background; ignores ranges outside the source and never throws.</summary>
    void Prefetch(long offset, long length);
}
