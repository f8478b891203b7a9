namespace ImageBackup.Imaging.Storage;

/// <summary>Raised when the store refuses the credentials (HTTP 403: wrong, expired or too narrow SAS), so the operator knows to renew the SAS.</summary>
public sealed class ChunkStoreAccessDeniedException(string message, Exception? inner = null) : Exception(message, inner);
