namespace ImageBackup.Application.Security;

/// <summary>An authenticated caller, passed to application services so every read and write can be scoped to it.</summary>
/// <param name="Role">What kind of caller this is.</param>
/// <param name="SubjectId">The customer id, agent id, or ops key id the key belongs to.</param>
/// <param name="CustomerId">The customer that owns the subject (customers and agents), or <c>null</c> for ops.</param>
public sealed record Caller(Role Role, string SubjectId, string? CustomerId)
{
    /// <summary>Whether this caller may read data that belongs to <paramref name="customerId"/>.</summary>
    public bool MaySee(string customerId) =>
        Role == Role.Ops || (Role == Role.Customer && string.Equals(CustomerId, customerId, StringComparison.Ordinal));
}
