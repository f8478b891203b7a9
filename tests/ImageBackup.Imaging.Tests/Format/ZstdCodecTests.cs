using ImageBackup.Imaging.Format;
using ImageBackup.Imaging.Format.Zstd;
using ImageBackup.Imaging.Tests.Support;

namespace ImageBackup.Imaging.Tests.Format;

[TestClass]
public sealed class ZstdCodecTests
{
    [TestMethod]
    public void Native_libzstd_is_available_on_the_build_machine_so_captures_use_the_fast_codec()
    {
        Assert.IsTrue(NativeZstdCodec.IsAvailable, "libzstd.so.1 is not installed; captures fall back to the slower managed zstd");
    }

    [TestMethod]
    public void A_chunk_encoded_with_native_zstd_decodes_with_managed_zstd_and_the_other_way_round()
    {
        var content = TestImage.Text(TestImage.MiB);
        var id = ChunkHash.Compute(content);
        var blob = new byte[ChunkEncoder.MaxBlobLength(content.Length)];
        var decoded = new byte[content.Length];

        using (var native = new ChunkEncoder(new NativeZstdCodec(1)))
        using (var managed = new ChunkDecoder(new ManagedZstdCodec(1)))
        {
            var length = native.Encode(content, blob);
            Assert.AreEqual(content.Length, managed.DecodeVerified(id, blob.AsSpan(0, length), decoded));
        }
        CollectionAssert.AreEqual(content, decoded);

        Array.Clear(decoded);
        using (var managed = new ChunkEncoder(new ManagedZstdCodec(1)))
        using (var native = new ChunkDecoder(new NativeZstdCodec(1)))
        {
            var length = managed.Encode(content, blob);
            Assert.AreEqual(content.Length, native.DecodeVerified(id, blob.AsSpan(0, length), decoded));
        }
        CollectionAssert.AreEqual(content, decoded);
    }

    [TestMethod]
    public void A_damaged_zstd_payload_is_reported_as_a_damaged_chunk_by_both_codecs()
    {
        var content = TestImage.Text(TestImage.MiB);
        var id = ChunkHash.Compute(content);
        var blob = new byte[ChunkEncoder.MaxBlobLength(content.Length)];
        using var encoder = new ChunkEncoder(new ManagedZstdCodec(1));
        var length = encoder.Encode(content, blob);
        blob[ChunkHeader.Size + 1] ^= 0xFF;

        using var native = new ChunkDecoder(new NativeZstdCodec(1));
        using var managed = new ChunkDecoder(new ManagedZstdCodec(1));

        Assert.ThrowsExactly<DamagedChunkException>(() => native.DecodeVerified(id, blob.AsSpan(0, length), new byte[content.Length]));
        Assert.ThrowsExactly<DamagedChunkException>(() => managed.DecodeVerified(id, blob.AsSpan(0, length), new byte[content.Length]));
    }
}
