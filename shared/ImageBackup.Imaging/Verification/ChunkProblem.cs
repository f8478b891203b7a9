namespace ImageBackup.Imaging.Verification;

/// <summary>One damaged or missing chunk reference found by a verification, so an operator knows which part of which image is affected.</summary>
/// <param name="GenerationId">Generation whose manifest references the chunk.</param>
/// <param name="ImageOffset">Offset of the extent in the image.</param>
/// <param name="ChunkId">Id of the chunk.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record ChunkProblem(string GenerationId, long ImageOffset, string ChunkId, string Reason);
