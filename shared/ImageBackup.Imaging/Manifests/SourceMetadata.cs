namespace ImageBackup.Imaging.Manifests;

/// <summary>Where and when an image was captured, so an operator can tell generations of different servers and disks apart.</summary>
/// <param name="HostName">Name of the captured server.</param>
/// <param name="OperatingSystem">Operating system of the captured server, as given by the operator or detected.</param>
/// <param name="SourcePath">Device or file the image was read from ("-" for standard input).</param>
/// <param name="CapturedAt">When the capture started (UTC).</param>
/// <param name="ToolVersion">Version of the tool that wrote the generation.</param>
/// <param name="UsedBlocksOnly">True when unused file-system blocks were captured as zeros.</param>
/// <param name="PartitionLayout">Optional description of the disk or partition layout.</param>
public sealed record SourceMetadata(
    string HostName,
    string OperatingSystem,
    string SourcePath,
    DateTimeOffset CapturedAt,
    string ToolVersion,
    bool UsedBlocksOnly = false,
    string? PartitionLayout = null);
