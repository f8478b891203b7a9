using ImageBackup.Domain.Calendar;

namespace ImageBackup.Domain.Billing;

/// <summary>The charges of one contract for one calendar month, with tax computed once on the subtotal.</summary>
/// <param name="Month">The month invoiced.</param>
/// <param name="Lines">Initial fees, then monthly fees, then early-termination lines.</param>
/// <param name="Subtotal">Sum of the line amounts, tax excluded.</param>
/// <param name="Tax">Consumption tax on the subtotal, rounded down.</param>
/// <param name="Total">Subtotal plus tax.</param>
/// <param name="IsFinal">Whether this is the invoice of the month the contract ends in.</param>
public sealed record Invoice(CalendarMonth Month, IReadOnlyList<InvoiceLine> Lines, long Subtotal, long Tax, long Total, bool IsFinal)
{
    /// <summary>Adds up the lines and the tax.</summary>
    public static Invoice From(CalendarMonth month, IReadOnlyList<InvoiceLine> lines, bool isFinal)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var subtotal = checked(lines.Sum(l => l.Amount));
        var tax = ConsumptionTax.On(subtotal);
        return new(month, lines, subtotal, tax, checked(subtotal + tax), isFinal);
    }
}
