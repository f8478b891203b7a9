namespace ImageBackup.Domain.Retention;

/// <summary>One stored chunk as the sweep sees it, because only its id and last write time decide whether it may go.</summary>
/// <param name="Id">The content-addressed chunk id.</param>
/// <param name="LastModified">When the store last wrote it, on the store's clock.</param>
public sealed record ChunkInfo(string Id, DateTimeOffset LastModified);
