using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageBackup.NightlySimulation;

/// <summary>Source-generated JSON for the fleet file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(Fleet))]
internal sealed partial class SimulationJsonContext : JsonSerializerContext;
