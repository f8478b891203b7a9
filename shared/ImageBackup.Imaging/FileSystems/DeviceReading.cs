namespace ImageBackup.Imaging.FileSystems;

/// <summary>Positioned exact reads from a device stream, so a truncated image surfaces as <see cref="InvalidDataException"/> rather than as half-filled buffers.</summary>
internal static class DeviceReading
{
    /// <summary>Fills <paramref name="buffer"/> from <paramref name="position"/> or throws when the device ends first.</summary>
    public static void ReadExactlyAt(Stream device, long position, Span<byte> buffer, string whatIsRead)
    {
        if (position < 0 || position > device.Length - buffer.Length)
        {
            throw new InvalidDataException(
                $"The {whatIsRead} at byte {position} (length {buffer.Length}) lies outside the device of {device.Length} bytes.");
        }

        device.Position = position;
        var read = device.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
        {
            throw new InvalidDataException(
                $"The device ended after {read} of {buffer.Length} bytes while reading the {whatIsRead} at byte {position}.");
        }
    }
}
