using ImageBackup.Domain.Contracts;
using ImageBackup.Domain.Plans;

namespace ImageBackup.Domain.Validation;

/// <summary>An order that passed every rule, in canonical form, so a contract can only be opened from valid input.</summary>
/// <param name="Server">The server, with the OS parsed and the address normalized.</param>
/// <param name="Plans">The plans from the catalog, in order-form order.</param>
public sealed record ValidatedOrder(ServerTarget Server, IReadOnlyList<BackupPlan> Plans);
