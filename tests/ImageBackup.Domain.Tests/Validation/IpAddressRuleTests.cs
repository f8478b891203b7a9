using ImageBackup.Domain.Validation;

namespace ImageBackup.Domain.Tests.Validation;

[TestClass]
public sealed class IpAddressRuleTests
{
    [TestMethod]
    [DataRow("203.0.113.10", "203.0.113.10")]
    [DataRow("10.0.0.1", "10.0.0.1")]
    [DataRow("0.0.0.1", "0.0.0.1")]
    [DataRow("255.255.255.254", "255.255.255.254")]
    [DataRow("2001:db8::10", "2001:db8::10")]
    [DataRow("2001:DB8:0:0:0:0:0:10", "2001:db8::10")]
    [DataRow("::ffff:203.0.113.10", "::ffff:203.0.113.10")]
    public void A_dotted_quad_or_an_IPv6_address_is_accepted_in_canonical_form(string text, string canonical)
    {
        var (result, broken) = IpAddressRule.Check(text);

        Assert.IsNull(broken);
        Assert.AreEqual(canonical, result);
    }

    [TestMethod]
    [DataRow("1")]
    [DataRow("10.1")]
    [DataRow("10.0.1")]
    [DataRow("010.0.0.1")]
    [DataRow("10.0.0.01")]
    [DataRow("256.0.0.1")]
    [DataRow("10.0.0.1.5")]
    [DataRow("0x0A.0.0.1")]
    [DataRow(" 10.0.0.1")]
    [DataRow("10.0.0.")]
    [DataRow("[2001:db8::1]")]
    [DataRow("fe80::1%eth0")]
    [DataRow("2001:db8:::1")]
    [DataRow("web01.example.jp")]
    public void An_address_IPAddress_TryParse_would_guess_at_is_refused(string text)
    {
        var (_, broken) = IpAddressRule.Check(text);

        Assert.AreEqual(ValidationRules.IpAddress, broken);
    }

    [TestMethod]
    [DataRow("0.0.0.0")]
    [DataRow("127.0.0.1")]
    [DataRow("255.255.255.255")]
    [DataRow("224.0.0.5")]
    [DataRow("::")]
    [DataRow("::1")]
    [DataRow("ff02::1")]
    [DataRow("::ffff:127.0.0.1")]
    public void An_address_that_cannot_be_a_server_is_refused(string text)
    {
        var (_, broken) = IpAddressRule.Check(text);

        Assert.AreEqual(ValidationRules.IpAddressNotHost, broken);
    }
}
