namespace ImageBackup.Application.Security;

/// <summary>Who a caller is, which decides what it may see: customers their own data, agents their own server, ops everything.</summary>
public enum Role
{
    /// <summary>A hosting customer calling the REST API.</summary>
    Customer,

    /// <summary>Operations staff of the provider.</summary>
    Ops,

    /// <summary>A backup agent installed on one customer server.</summary>
    Agent,
}
