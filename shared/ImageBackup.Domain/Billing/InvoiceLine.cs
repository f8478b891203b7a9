using ImageBackup.Domain.Calendar;

namespace ImageBackup.Domain.Billing;

/// <summary>One charge on an invoice: one plan, one kind, at most one calendar month; amounts are rounded per line.</summary>
/// <param name="Kind">What the line charges for.</param>
/// <param name="Description">English text with the plan code and the date range.</param>
/// <param name="PlanCode">The plan charged.</param>
/// <param name="QuantityDays">Days charged (the days of the month for a full month); <c>null</c> for an initial fee.</param>
/// <param name="Period">The dates charged; <c>null</c> for an initial fee.</param>
/// <param name="Amount">Whole yen, tax excluded.</param>
public sealed record InvoiceLine(
    InvoiceLineKind Kind,
    string Description,
    string PlanCode,
    int? QuantityDays,
    DateSpan? Period,
    long Amount);
