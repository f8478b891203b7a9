using ImageBackup.Domain.Contracts;
using ImageBackup.Domain.Validation;

namespace ImageBackup.Domain.Tests.Validation;

[TestClass]
public sealed class OrderValidatorTests
{
    private static readonly ServerRequest GoodServer = new("Web01.Example.jp", "203.0.113.10", "CentOS 7", 500_000_000_000L);

    private static OrderRequest Order(ServerRequest? server = null, params string?[] plans) =>
        new(server ?? GoodServer, plans.Length == 0 ? ["backup-D7"] : plans);

    [TestMethod]
    public void A_valid_order_gives_the_canonical_server_and_plans()
    {
        var result = OrderValidator.Validate(Order(null, "BACKUP-d7", "backup-W4", "backup-hkd-200"));

        Assert.IsTrue(result.IsValid);
        Assert.IsEmpty(result.Errors);
        Assert.AreEqual(new ServerTarget("web01.example.jp", "203.0.113.10", ServerOs.CentOs7, 500_000_000_000L), result.Order!.Server);
        CollectionAssert.AreEqual(new[] { "backup-D7", "backup-W4", "backup-HKD-200" }, result.Order.Plans.Select(p => p.Code).ToArray());
    }

    [TestMethod]
    [DataRow(0L, false)]
    [DataRow(-1L, false)]
    [DataRow(1L, true)]
    [DataRow(2_000_000_000_000L, true)]
    [DataRow(2_000_000_000_001L, false)]
    public void Capacity_must_be_between_one_byte_and_two_terabytes(long capacity, bool valid)
    {
        var result = OrderValidator.Validate(Order(GoodServer with { CapacityBytes = capacity }));

        Assert.AreEqual(valid, result.IsValid);
        if (!valid)
        {
            CollectionAssert.AreEqual(new[] { "server.capacityBytes:range" }, Describe(result));
        }
    }

    [TestMethod]
    [DataRow("hostName", "web 01", "server.hostname:host-name")]
    [DataRow("hostName", "", "server.hostname:required")]
    [DataRow("ipAddress", "1", "server.ipAddress:ip-address")]
    [DataRow("ipAddress", "127.0.0.1", "server.ipAddress:ip-address-not-host")]
    [DataRow("ipAddress", null, "server.ipAddress:required")]
    [DataRow("os", "Windows Server 2019", "server.os:unsupported-os")]
    [DataRow("os", " ", "server.os:required")]
    public void Each_broken_server_field_is_named_with_its_rule(string field, string? value, string expected)
    {
        var server = field switch
        {
            "hostName" => GoodServer with { HostName = value },
            "ipAddress" => GoodServer with { IpAddress = value },
            _ => GoodServer with { Os = value },
        };

        var result = OrderValidator.Validate(Order(server));

        CollectionAssert.AreEqual(new[] { expected }, Describe(result));
    }

    [TestMethod]
    [DataRow(new[] { "backup-D7", "backup-D8" }, "plans[1]:unknown-plan")]
    [DataRow(new[] { "backup-D7", "BACKUP-D7" }, "plans[1]:duplicate-plan")]
    [DataRow(new[] { "backup-HKD-100", "backup-D3", "backup-HKD-200" }, "plans[2]:one-remote-plan")]
    [DataRow(new[] { "backup-D7", "" }, "plans[1]:required")]
    public void Each_broken_plan_is_named_by_its_index_with_its_rule(string[] plans, string expected)
    {
        var result = OrderValidator.Validate(Order(null, plans));

        CollectionAssert.AreEqual(new[] { expected }, Describe(result));
    }

    [TestMethod]
    public void An_order_without_plans_is_refused()
    {
        var result = OrderValidator.Validate(new OrderRequest(GoodServer, []));

        CollectionAssert.AreEqual(new[] { "plans:required" }, Describe(result));
    }

    [TestMethod]
    public void Every_broken_rule_is_reported_at_once()
    {
        var request = new OrderRequest(new ServerRequest(null, "010.0.0.1", "ubuntu", null), null);

        var result = OrderValidator.Validate(request);

        Assert.IsFalse(result.IsValid);
        CollectionAssert.AreEqual(
            new[] { "server.hostname:required", "server.ipAddress:ip-address", "server.os:unsupported-os", "server.capacityBytes:required", "plans:required" },
            Describe(result));
    }

    [TestMethod]
    public void An_empty_request_names_the_server_and_the_plans()
    {
        var result = OrderValidator.Validate(null);

        CollectionAssert.AreEqual(new[] { "server:required", "plans:required" }, Describe(result));
    }

    private static string[] Describe(OrderValidationResult result) => [.. result.Errors.Select(e => $"{e.Field}:{e.Rule}")];
}
