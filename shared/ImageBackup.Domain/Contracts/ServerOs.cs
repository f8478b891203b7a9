using System.Text.Json.Serialization;

namespace ImageBackup.Domain.Contracts;

/// <summary>The operating systems the service can back up (specification 2.2.4); anything else cannot be ordered.</summary>
public enum ServerOs
{
    /// <summary>Red Hat Enterprise Linux 6.</summary>
    [JsonStringEnumMemberName("rhel6")] Rhel6,

    /// <summary>Red Hat Enterprise Linux 7.</summary>
    [JsonStringEnumMemberName("rhel7")] Rhel7,

    /// <summary>CentOS 6.</summary>
    [JsonStringEnumMemberName("centos6")] CentOs6,

    /// <summary>CentOS 7.</summary>
    [JsonStringEnumMemberName("centos7")] CentOs7,

    /// <summary>Windows Server 2012 (not 2012 R2, which the specification does not list).</summary>
    [JsonStringEnumMemberName("windows2012")] Windows2012,

    /// <summary>Windows Server 2016.</summary>
    [JsonStringEnumMemberName("windows2016")] Windows2016,
}
