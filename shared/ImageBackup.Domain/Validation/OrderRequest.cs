namespace ImageBackup.Domain.Validation;

/// <summary>An order form as the client sent it: everything nullable, because validation (not deserialization) reports what is missing.</summary>
/// <param name="Server">The server to back up.</param>
/// <param name="Plans">Plan codes, e.g. <c>["backup-D7", "backup-W4"]</c>.</param>
public sealed record OrderRequest(ServerRequest? Server, IReadOnlyList<string?>? Plans);
