using System.Text.Json.Serialization;

namespace ImageBackup.Domain.Billing;

/// <summary>What an invoice line charges for, so clients can group lines without parsing descriptions.</summary>
public enum InvoiceLineKind
{
    /// <summary>The one-off fee of a plan, on the invoice of the billing-start month.</summary>
    [JsonStringEnumMemberName("initial-fee")] InitialFee,

    /// <summary>A plan's monthly fee for the days of the month in service (full or per day).</summary>
    [JsonStringEnumMemberName("monthly-fee")] MonthlyFee,

    /// <summary>The remaining minimum-term days of a plan charged on the final invoice, per month spanned.</summary>
    [JsonStringEnumMemberName("early-termination")] EarlyTermination,
}
