namespace ImageBackup.NightlySimulation;

/// <summary>One simulated customer server: its contract, its agent's token and state directory, and its disk image.</summary>
internal sealed record SimServer(int Index, string ContractId, string EnrollmentToken, bool Active, string Image, string StateDirectory);
