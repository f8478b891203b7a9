using ImageBackup.Imaging.Capture;

namespace ImageBackup.Agent.Console;

/// <summary>Opens the capture source: a device, an image file, or standard input for "-" (so old servers can be captured over ssh | dd).</summary>
internal static class SourceOpener
{
    /// <summary>Opens <paramref name="source"/> for sequential reading; throws <see cref="SourceReadException"/> when it is missing or unreadable.</summary>
    public static Stream Open(string source)
    {
        if (source == "-")
        {
            return System.Console.OpenStandardInput(1024 * 1024);
        }
        try
        {
            return new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SourceReadException(0, new IOException($"source {source} does not exist", e));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new SourceReadException(0, new IOException($"source {source} cannot be opened: {e.Message}", e));
        }
    }
}
