namespace ImageBackup.NightlySimulation;

/// <summary>The simulated fleet, saved as fleet.json in the work directory so a later night can reuse the same contracts and agents.</summary>
internal sealed record Fleet(string CustomerId, string CustomerKey, IReadOnlyList<SimServer> Servers);
