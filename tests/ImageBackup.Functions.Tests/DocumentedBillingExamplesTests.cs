using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed partial class DocumentedBillingExamplesTests
{
    [TestMethod]
    [Timeout(420_000, CooperativeCancellation = true)]
    public async Task Every_worked_example_of_the_billing_doc_is_what_the_api_bills()
    {
        // Arrange: the billing-example blocks of docs/billing.md.
        var examples = BillingExamples().Matches(File.ReadAllText(RepositoryLayout.PathOf("docs", "billing.md")))
            .Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.Clone())
            .ToList();
        var taskHub = LocalHostProcess.UniqueTaskHub("billdoc");
        var contracts = new Dictionary<int, string>();

        // Act 1: for each billing start day, a host whose clock is that day orders, activates and cancels.
        foreach (var day in examples.Select((e, i) => (e, i)).GroupBy(x => x.e.GetProperty("billingStart").GetString()!))
        {
            await using var host = await LocalHostProcess.StartAsync(taskHub, new Dictionary<string, string> { ["ImageBackup__Clock__Now"] = $"{day.Key}T12:00:00+09:00" });
            var key = await Orders.NewCustomerKeyAsync(host.Client);
            foreach (var (example, index) in day)
            {
                var plans = example.GetProperty("plans").EnumerateArray().Select(p => p.GetString()!).ToArray();
                var id = await Orders.PlaceAsync(host.Client, key, plans);
                using var activation = await host.Client.SendAsync(HttpMethod.Post, $"api/ops/contracts/{id}/activation", LocalHostProcess.OpsKey, new { billingStart = day.Key });
                Assert.AreEqual(HttpStatusCode.OK, activation.StatusCode, await activation.Content.ReadAsStringAsync());
                if (example.GetProperty("endMonth").GetString() is { } endMonth)
                {
                    using var cancel = await host.Client.SendAsync(HttpMethod.Post, $"api/contracts/{id}/cancellation", key, new { endMonth });
                    Assert.AreEqual(HttpStatusCode.Created, cancel.StatusCode, await cancel.Content.ReadAsStringAsync());
                }

                contracts[index] = id;
            }
        }

        // Act 2 and Assert: years later every month is billed; each invoice equals the documented one.
        await using var later = await LocalHostProcess.StartAsync(taskHub, new Dictionary<string, string> { ["ImageBackup__Clock__Now"] = "2031-01-01T12:00:00+09:00" });
        Assert.IsGreaterThanOrEqualTo(8, examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var example = examples[i];
            var name = example.GetProperty("name").GetString();
            using var response = await later.Client.SendAsync(HttpMethod.Get, $"api/contracts/{contracts[i]}/invoices/{example.GetProperty("month").GetString()}", LocalHostProcess.OpsKey);
            var expected = example.GetProperty("expected");
            if (expected.ValueKind == JsonValueKind.Null)
            {
                await response.AssertProblemAsync(404);
                continue;
            }

            var invoice = await response.ReadJsonAsync();
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{name}: {invoice}");
            foreach (var total in new[] { "subtotal", "tax", "total" })
            {
                Assert.AreEqual(expected.GetProperty(total).GetInt64(), invoice.GetProperty(total).GetInt64(), $"{name}: {total}");
            }

            var expectedLines = expected.GetProperty("lines").EnumerateArray().Select(Line).ToList();
            var actualLines = invoice.GetProperty("lines").EnumerateArray().Select(Line).ToList();
            CollectionAssert.AreEqual(expectedLines, actualLines, $"{name}: lines");
        }
    }

    private static string Line(JsonElement line) => string.Join(" | ",
        line.GetProperty("kind").GetString(), line.GetProperty("description").GetString(), line.GetProperty("planCode").GetString(),
        line.GetProperty("quantityDays").ToString(), line.GetProperty("amount").GetInt64());

    [GeneratedRegex("```billing-example\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BillingExamples();
}
