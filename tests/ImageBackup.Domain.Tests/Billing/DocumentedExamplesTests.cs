using System.Text.Json;
using System.Text.Json.Serialization;
using ImageBackup.Domain.Billing;
using ImageBackup.Domain.Calendar;
using ImageBackup.Domain.Contracts;
using ImageBackup.Domain.Plans;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Billing;

[TestClass]
public sealed class DocumentedExamplesTests
{
    private static readonly JsonSerializerOptions Wire = new() { Converters = { new JsonStringEnumConverter() } };

    public static IEnumerable<object[]> BillingExamples => DocumentedExamples.Names("billing-example");
    public static IEnumerable<object[]> CancellationExamples => DocumentedExamples.Names("cancellation-example");
    public static IEnumerable<object[]> TermExamples => DocumentedExamples.Names("term-example");

    [TestMethod]
    public void The_billing_document_holds_every_kind_of_example()
    {
        Assert.IsGreaterThanOrEqualTo(10, BillingExamples.Count());
        Assert.IsGreaterThanOrEqualTo(8, CancellationExamples.Count());
        Assert.IsGreaterThanOrEqualTo(5, TermExamples.Count());
    }

    [TestMethod]
    [DynamicData(nameof(BillingExamples))]
    public void Each_billing_example_of_the_document_is_what_the_calculator_produces(string name)
    {
        var example = JsonDocument.Parse(DocumentedExamples.Json("billing-example", name)).RootElement;
        var terms = new BillingTerms(
            [.. example.GetProperty("plans").EnumerateArray().Select(p => PlanCatalog.Get(p.GetString()!))],
            Date(example.GetProperty("billingStart").GetString()!),
            example.GetProperty("endMonth").GetString() is { } end ? CalendarMonth.Parse(end).LastDay : null);

        var invoice = InvoiceCalculator.Calculate(terms, CalendarMonth.Parse(example.GetProperty("month").GetString()!));

        var expected = example.GetProperty("expected");
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.IsNull(invoice, name);
            return;
        }

        Assert.IsNotNull(invoice, name);
        var expectedLines = expected.GetProperty("lines").EnumerateArray().Select(LineText).ToList();
        var actualLines = invoice.Lines.Select(LineText).ToList();
        CollectionAssert.AreEqual(expectedLines, actualLines, name);
        Assert.AreEqual(expected.GetProperty("subtotal").GetInt64(), invoice.Subtotal, name);
        Assert.AreEqual(expected.GetProperty("tax").GetInt64(), invoice.Tax, name);
        Assert.AreEqual(expected.GetProperty("total").GetInt64(), invoice.Total, name);
    }

    [TestMethod]
    [DynamicData(nameof(CancellationExamples))]
    public void Each_cancellation_example_of_the_document_is_what_the_policy_decides(string name)
    {
        var example = JsonDocument.Parse(DocumentedExamples.Json("cancellation-example", name)).RootElement;
        var contract = Pending(example.GetProperty("receivedAt").GetString()!,
            [.. example.GetProperty("plans").EnumerateArray().Select(p => p.GetString()!)]);
        if (example.GetProperty("billingStart").GetString() is { } start)
        {
            contract = contract.Activate(TokyoCalendar.StartOf(Date(start)));
        }

        var decision = CancellationPolicy.Evaluate(contract, example.GetProperty("endMonth").GetString(), Utc(example.GetProperty("now").GetString()!));

        var expected = example.GetProperty("expected");
        Assert.AreEqual(expected.GetProperty("accepted").GetBoolean(), decision.IsAccepted, name);
        if (!decision.IsAccepted)
        {
            Assert.AreEqual(expected.GetProperty("rule").GetString(), decision.Rejection!.Rule, name);
            return;
        }

        var quote = decision.Quote!;
        Assert.AreEqual(Date(expected.GetProperty("endDate").GetString()!), quote.EndDate, name);
        Assert.AreEqual(expected.GetProperty("minimumTermEnd").GetString() is { } m ? Date(m) : (DateOnly?)null, quote.MinimumTermEnd, name);
        Assert.AreEqual(expected.GetProperty("cutsMinimumTermShort").GetBoolean(), quote.CutsMinimumTermShort, name);
        Assert.AreEqual(expected.GetProperty("earlyTerminationDays").GetInt32(), quote.EarlyTerminationDays, name);
        Assert.AreEqual(expected.GetProperty("earlyTerminationFee").GetInt64(), quote.EarlyTerminationFee, name);
    }

    [TestMethod]
    [DynamicData(nameof(TermExamples))]
    public void Each_term_example_of_the_document_is_what_the_calendar_rules_give(string name)
    {
        var example = JsonDocument.Parse(DocumentedExamples.Json("term-example", name)).RootElement;
        var expected = example.GetProperty("expected");

        if (example.TryGetProperty("receivedAt", out var receivedAt))
        {
            Assert.AreEqual(Date(expected.GetProperty("activationDeadline").GetString()!), ActivationDeadline.For(Utc(receivedAt.GetString()!)), name);
        }

        if (example.TryGetProperty("billingStart", out var billingStart))
        {
            Assert.AreEqual(Date(expected.GetProperty("minimumTermEnd").GetString()!), MinimumTerm.EndFor(Date(billingStart.GetString()!)), name);
        }
    }

    private static string LineText(JsonElement line) =>
        $"{line.GetProperty("kind").GetString()} | {line.GetProperty("description").GetString()} | {line.GetProperty("planCode").GetString()} | "
        + $"{(line.GetProperty("quantityDays").ValueKind == JsonValueKind.Null ? "-" : line.GetProperty("quantityDays").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))} | {line.GetProperty("amount").GetInt64()}";

    private static string LineText(InvoiceLine line) =>
        $"{JsonSerializer.Serialize(line.Kind, Wire).Trim('"')} | {line.Description} | {line.PlanCode} | "
        + $"{(line.QuantityDays is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")} | {line.Amount}";
}
