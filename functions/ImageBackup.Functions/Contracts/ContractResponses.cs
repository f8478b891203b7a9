using System.Globalization;
using ImageBackup.Domain.Billing;
using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Functions.Contracts;

/// <summary>The server of a contract on the wire.</summary>
public sealed record ServerResponse(string Hostname, string IpAddress, string Os, long CapacityBytes);

/// <summary>A scheduled cancellation on the wire.</summary>
public sealed record ContractCancellationResponse(string EndMonth, string EndDate, DateTimeOffset EndsAt, DateTimeOffset? RequestedAt);

/// <summary>A contract on the wire: dates as yyyy-MM-dd (JST), instants with offset.</summary>
public sealed record ContractResponse(
    string Id,
    string CustomerId,
    string Status,
    IReadOnlyList<string> Plans,
    ServerResponse Server,
    DateTimeOffset ReceivedAt,
    string ActivationDeadline,
    string? BillingStart,
    string? MinimumTermEnd,
    ContractCancellationResponse? Cancellation,
    string? EnrollmentToken = null)
{
    /// <summary>Maps a contract; the enrollment token is given only in the first answer to an order.</summary>
    public static ContractResponse From(Contract c, string? enrollmentToken = null) => new(
        c.Id,
        c.CustomerId,
        ContractStatusNames.WireName(c.Status),
        c.PlanCodes,
        new ServerResponse(c.Server.HostName, c.Server.IpAddress, ServerOsNames.WireName(c.Server.Os), c.Server.CapacityBytes),
        TokyoCalendar.ToTokyo(c.ReceivedAt),
        Date(c.ActivationDeadline)!,
        Date(c.BillingStart),
        Date(c.MinimumTermEnd),
        c.EndMonth is { } month
            ? new ContractCancellationResponse(month.ToString(), Date(month.LastDay)!, c.EndsAt!.Value, c.CancellationRequestedAt is { } at ? TokyoCalendar.ToTokyo(at) : null)
            : null,
        enrollmentToken);

    /// <summary>A JST date on the wire.</summary>
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One invoice line on the wire.</summary>
public sealed record InvoiceLineResponse(string Kind, string Description, string PlanCode, int? QuantityDays, string? From, string? To, long Amount);

/// <summary>An invoice on the wire: whole yen, tax 10 % rounded down.</summary>
public sealed record InvoiceResponse(string Month, IReadOnlyList<InvoiceLineResponse> Lines, long Subtotal, long Tax, long Total, bool IsFinal, string Currency = "JPY")
{
    /// <summary>Maps an invoice.</summary>
    public static InvoiceResponse From(Invoice invoice) => new(
        invoice.Month.ToString(),
        invoice.Lines.Select(l => new InvoiceLineResponse(
            KindName(l.Kind), l.Description, l.PlanCode, l.QuantityDays,
            ContractResponse.Date(l.Period?.First), ContractResponse.Date(l.Period?.Last), l.Amount)).ToList(),
        invoice.Subtotal,
        invoice.Tax,
        invoice.Total,
        invoice.IsFinal);

    private static string KindName(InvoiceLineKind kind) => kind switch
    {
        InvoiceLineKind.InitialFee => "initial-fee",
        InvoiceLineKind.MonthlyFee => "monthly-fee",
        _ => "early-termination",
    };
}

/// <summary>The answer to an accepted cancellation.</summary>
public sealed record CancellationResponse(
    string EndMonth,
    string EndDate,
    DateTimeOffset EndsAt,
    string RequestDeadline,
    string? MinimumTermEnd,
    bool CutsMinimumTermShort,
    int EarlyTerminationDays,
    long EarlyTerminationFee,
    InvoiceResponse? FinalInvoice,
    ContractResponse Contract);
