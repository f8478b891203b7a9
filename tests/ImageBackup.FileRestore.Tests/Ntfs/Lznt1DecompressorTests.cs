using System.Text;
using ImageBackup.FileRestore.FileSystems.Ntfs;

namespace ImageBackup.FileRestore.Tests.Ntfs;

[TestClass]
public sealed class Lznt1DecompressorTests
{
    [TestMethod]
    public void A_hand_computed_stream_with_an_overlapping_back_reference_decompresses()
    {
        // Arrange: header 0xB005 (compressed, 6 data bytes); flags 0x08; literals 'a' 'b' 'c'; token 0x2006 = offset 3, length 9.
        byte[] stream = [0x05, 0xB0, 0x08, (byte)'a', (byte)'b', (byte)'c', 0x06, 0x20];
        var output = new byte[64];

        // Act
        var produced = Lznt1Decompressor.Decompress(stream, output);

        // Assert
        Assert.AreEqual("abcabcabcabc", Encoding.ASCII.GetString(output, 0, produced));
    }

    [TestMethod]
    public void A_stored_chunk_is_copied_verbatim()
    {
        // Arrange: header 0x3000 | (5 + 2 - 3): an uncompressed chunk of 5 bytes.
        byte[] stream = [0x04, 0x30, 1, 2, 3, 4, 5];
        var output = new byte[16];

        // Act
        var produced = Lznt1Decompressor.Decompress(stream, output);

        // Assert
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5 }, output[..produced]);
    }

    [TestMethod]
    [DataRow("text")]
    [DataRow("zeros")]
    [DataRow("random")]
    [DataRow("mixed")]
    public void Data_compressed_by_the_test_compressor_round_trips_across_chunks(string kind)
    {
        // Arrange
        var random = new Random(11);
        var data = new byte[3 * 4096 + 1234];
        switch (kind)
        {
            case "text":
                Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"row {i % 50};"))).AsSpan(0, data.Length).CopyTo(data);
                break;
            case "random":
                random.NextBytes(data);
                break;
            case "mixed":
                random.NextBytes(data.AsSpan(4096, 4096));
                break;
        }

        var compressed = Lznt1Compressor.Compress(data);
        var output = new byte[data.Length];

        // Act
        var produced = Lznt1Decompressor.Decompress(compressed, output);

        // Assert
        Assert.AreEqual(data.Length, produced);
        CollectionAssert.AreEqual(data, output);
        if (kind != "random")
        {
            Assert.IsTrue(compressed.Length < data.Length, $"{compressed.Length} compressed bytes");
        }
    }

    [TestMethod]
    public void A_back_reference_before_the_chunk_start_is_corrupt()
    {
        // Arrange: first token refers 1 byte back while nothing has been produced.
        byte[] stream = [0x02, 0xB0, 0x01, 0x00, 0x00];

        // Act
        var error = Assert.ThrowsExactly<CorruptImageException>(() => Lznt1Decompressor.Decompress(stream, new byte[16]));

        // Assert
        StringAssert.Contains(error.Message, "before the start");
    }

    [TestMethod]
    public void A_chunk_longer_than_the_input_is_corrupt()
    {
        // Arrange
        byte[] stream = [0xFF, 0xBF, 0x00, 0x61];

        // Act
        var error = Assert.ThrowsExactly<CorruptImageException>(() => Lznt1Decompressor.Decompress(stream, new byte[16]));

        // Assert
        StringAssert.Contains(error.Message, "runs past");
    }
}
