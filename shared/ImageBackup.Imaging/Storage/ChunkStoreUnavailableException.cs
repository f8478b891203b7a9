namespace ImageBackup.Imaging.Storage;

/// <summary>Raised when the chunk store cannot be reached or does not exist, so the CLI can tell network trouble from data trouble.</summary>
public sealed class ChunkStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
