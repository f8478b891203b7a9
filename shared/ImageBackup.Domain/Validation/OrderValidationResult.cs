namespace ImageBackup.Domain.Validation;

/// <summary>Either every broken rule of an order form, or the order in canonical form.</summary>
/// <param name="Errors">All broken rules, in field order; empty when valid.</param>
/// <param name="Order">The canonical order, set only when there are no errors.</param>
public sealed record OrderValidationResult(IReadOnlyList<ValidationError> Errors, ValidatedOrder? Order)
{
    /// <summary>Whether the order may be accepted.</summary>
    public bool IsValid => Order is not null;
}
