using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Domain.Tests;

/// <summary>Builds contracts in a given state so tests state only what matters to them.</summary>
internal static class TestContracts
{
    public static readonly System.Text.Json.JsonSerializerOptions Wire =
        new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static readonly ServerTarget Server = new("web01.example.jp", "203.0.113.10", ServerOs.CentOs7, 500_000_000_000L);

    public static Contract Pending(string receivedAt = "2027-01-20T01:00:00Z", params string[] plans) =>
        new("c-1", "cust-1", ContractStatus.PendingActivation, plans.Length == 0 ? ["backup-D7"] : plans, Server,
            DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture));

    public static Contract Active(string billingStart, params string[] plans) =>
        Pending("2027-01-01T00:00:00Z", plans) with
        {
            Status = ContractStatus.Active,
            BillingStart = DateOnly.Parse(billingStart, System.Globalization.CultureInfo.InvariantCulture),
        };

    public static Contract Cancelled(string billingStart, string endMonth, params string[] plans) =>
        Active(billingStart, plans) with
        {
            Status = ContractStatus.CancellationScheduled,
            EndMonth = CalendarMonth.Parse(endMonth),
        };

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    public static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
