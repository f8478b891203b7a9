namespace ImageBackup.Application.Generations;

/// <summary>Port to the generation records of each contract (one row per generation, written once the generation is whole).</summary>
public interface IGenerationStore
{
    /// <summary>Stores a record; storing the same generation again changes nothing.</summary>
    Task PutAsync(GenerationRecord record, CancellationToken cancellationToken);

    /// <summary>The generations of a contract, oldest first.</summary>
    Task<IReadOnlyList<GenerationRecord>> ListAsync(string contractId, CancellationToken cancellationToken);

    /// <summary>Removes a record; no error when it is gone.</summary>
    Task DeleteAsync(string contractId, string generationId, CancellationToken cancellationToken);
}
