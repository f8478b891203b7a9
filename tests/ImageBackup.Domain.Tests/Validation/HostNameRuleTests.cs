using ImageBackup.Domain.Validation;

namespace ImageBackup.Domain.Tests.Validation;

[TestClass]
public sealed class HostNameRuleTests
{
    [TestMethod]
    [DataRow("web01")]
    [DataRow("web01.example.jp")]
    [DataRow("1st-server.example.co.jp")]
    [DataRow("A-B.EXAMPLE.JP")]
    [DataRow("x.io")]
    public void An_RFC_1123_host_name_is_accepted(string hostName)
    {
        Assert.IsTrue(HostNameRule.IsValid(hostName));
    }

    [TestMethod]
    [DataRow("web 01.example.jp")]
    [DataRow("-web.example.jp")]
    [DataRow("web-.example.jp")]
    [DataRow("web..example.jp")]
    [DataRow("web.example.jp.")]
    [DataRow(".example.jp")]
    [DataRow("web_01.example.jp")]
    [DataRow("ウェブ.example.jp")]
    [DataRow("10.0.0.1")]
    [DataRow("")]
    public void A_host_name_breaking_RFC_1123_is_refused(string hostName)
    {
        Assert.IsFalse(HostNameRule.IsValid(hostName));
    }

    [TestMethod]
    [DataRow(63, true)]
    [DataRow(64, false)]
    public void A_label_may_have_at_most_63_characters(int length, bool valid)
    {
        var hostName = new string('a', length) + ".example.jp";

        Assert.AreEqual(valid, HostNameRule.IsValid(hostName));
    }

    [TestMethod]
    [DataRow(253, true)]
    [DataRow(254, false)]
    public void A_host_name_may_have_at_most_253_characters(int length, bool valid)
    {
        var labels = Enumerable.Repeat(new string('a', 49), 5);
        var hostName = string.Join(".", labels);
        hostName = new string('b', length - hostName.Length - 1) + "." + hostName;

        Assert.AreEqual(length, hostName.Length);
        Assert.AreEqual(valid, HostNameRule.IsValid(hostName));
    }
}
