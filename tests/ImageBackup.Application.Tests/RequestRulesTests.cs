using ImageBackup.Application.Customers;
using ImageBackup.Application.NightlyRuns;
using ImageBackup.Application.Results;

namespace ImageBackup.Application.Tests;

[TestClass]
public sealed class RequestRulesTests
{
    [TestMethod]
    [DataRow("Example KK", "it@example.co.jp", null)]
    [DataRow("", "it@example.co.jp", "name")]
    [DataRow("KK\u0001", "it@example.co.jp", "name")]
    [DataRow("KK", "Name <it@example.co.jp>", "email")]
    [DataRow("KK", "it@localhost", "email")]
    [DataRow("KK", null, "email")]
    public void Customer_registration_names_the_broken_field(string? name, string? email, string? brokenField)
    {
        // Act
        var errors = CustomerInputRules.Check(name, email);

        // Assert
        Assert.AreEqual(brokenField, (errors.Count > 0 ? errors[0].Field : null));
    }

    [TestMethod]
    [DataRow("2026-12-01", 200, null)]
    [DataRow("2026-02-29", 200, "date")]
    [DataRow("12/01/2026", 200, "date")]
    [DataRow("2026-12-01", 1001, "maxInFlight")]
    public void A_nightly_run_request_is_checked_before_anything_starts(string date, int maxInFlight, string? brokenField)
    {
        // Act
        var errors = NightlyRunRequestRules.Check(date, ["web01", "db01"], 0, maxInFlight);

        // Assert
        Assert.AreEqual(brokenField, (errors.Count > 0 ? errors[0].Field : null));
    }

    [TestMethod]
    public void The_night_of_a_date_has_one_fixed_instance_id()
    {
        Assert.AreEqual("nightly-2026-12-01", NightlyRunNames.InstanceId(new DateOnly(2026, 12, 1)));
    }

    [TestMethod]
    [DataRow("ctr-0123456789abcdef", true)]
    [DataRow("ctr-0123456789ABCDEF", false)]
    [DataRow("ctr-0123456789abcde", false)]
    [DataRow("ctr-../../0123456789", false)]
    [DataRow("cus-0123456789abcdef", false)]
    public void Only_well_formed_contract_ids_reach_storage(string id, bool wellFormed)
    {
        Assert.AreEqual(wellFormed, ResourceIds.IsWellFormed(id, "ctr-"));
    }
}
