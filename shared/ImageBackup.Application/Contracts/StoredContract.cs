using ImageBackup.Domain.Contracts;

namespace ImageBackup.Application.Contracts;

/// <summary>A contract as read from storage with the version (ETag) that a later write must match.</summary>
public sealed record StoredContract(Contract Contract, string Version);
