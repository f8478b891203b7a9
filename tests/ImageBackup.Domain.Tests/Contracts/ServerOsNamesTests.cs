using System.Text.Json;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Domain.Tests.Contracts;

[TestClass]
public sealed class ServerOsNamesTests
{
    [TestMethod]
    [DataRow("rhel6", ServerOs.Rhel6)]
    [DataRow("RHEL7", ServerOs.Rhel7)]
    [DataRow("RHEL 6", ServerOs.Rhel6)]
    [DataRow("Red Hat 7", ServerOs.Rhel7)]
    [DataRow("Redhat 6", ServerOs.Rhel6)]
    [DataRow("red-hat-enterprise-linux-7", ServerOs.Rhel7)]
    [DataRow("centos6", ServerOs.CentOs6)]
    [DataRow("CentOS 7", ServerOs.CentOs7)]
    [DataRow("CENTOS_7", ServerOs.CentOs7)]
    [DataRow("windows2012", ServerOs.Windows2012)]
    [DataRow("Windows Server 2016", ServerOs.Windows2016)]
    [DataRow("windows-2012", ServerOs.Windows2012)]
    [DataRow("  win2016 ", ServerOs.Windows2016)]
    public void Every_listed_spelling_of_a_supported_os_is_read_regardless_of_case(string text, ServerOs expected)
    {
        var ok = ServerOsNames.TryParse(text, out var os);

        Assert.IsTrue(ok);
        Assert.AreEqual(expected, os);
    }

    [TestMethod]
    [DataRow("rhel8")]
    [DataRow("centos")]
    [DataRow("Windows Server 2012 R2")]
    [DataRow("windows2019")]
    [DataRow("ubuntu 18.04")]
    [DataRow("")]
    [DataRow(null)]
    public void An_unsupported_os_is_not_read(string? text)
    {
        var ok = ServerOsNames.TryParse(text, out _);

        Assert.IsFalse(ok);
    }

    [TestMethod]
    public void The_accepted_spellings_start_with_the_six_wire_names_and_all_parse()
    {
        var spellings = ServerOsNames.AcceptedSpellings;

        CollectionAssert.AreEqual(
            new[] { "rhel6", "rhel7", "centos6", "centos7", "windows2012", "windows2016" },
            spellings.Take(6).ToArray());
        Assert.IsTrue(spellings.All(s => ServerOsNames.TryParse(s, out _)));
    }

    [TestMethod]
    [DataRow(ServerOs.CentOs7, "\"centos7\"")]
    [DataRow(ServerOs.Windows2016, "\"windows2016\"")]
    public void An_os_is_written_on_the_wire_by_its_wire_name(ServerOs os, string json)
    {
        var written = JsonSerializer.Serialize(os, TestContracts.Wire);

        Assert.AreEqual(json, written);
        Assert.AreEqual(json.Trim('"'), ServerOsNames.WireName(os));
    }

    [TestMethod]
    public void The_api_description_names_every_accepted_spelling()
    {
        var description = ServerOsNames.Description;

        Assert.IsTrue(ServerOsNames.AcceptedSpellings.All(s => description.Contains(s, StringComparison.Ordinal)));
    }
}
