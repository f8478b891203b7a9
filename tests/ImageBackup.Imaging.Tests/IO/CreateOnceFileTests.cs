using ImageBackup.Imaging.IO;
using ImageBackup.Imaging.Tests.Support;

namespace ImageBackup.Imaging.Tests.IO;

[TestClass]
public sealed class CreateOnceFileTests
{
    [TestMethod]
    [DataRow(true, DisplayName = "unnamed temporary (O_TMPFILE)")]
    [DataRow(false, DisplayName = "temporary name")]
    public void A_file_is_created_in_a_missing_folder_and_an_existing_name_is_never_replaced(bool preferUnnamed)
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "shard", "name");

        // Act
        var first = CreateOnceFile.Create(path, new byte[] { 1, 2, 3 }, durable: false, preferUnnamed: preferUnnamed);
        var second = CreateOnceFile.Create(path, new byte[] { 9, 9, 9, 9 }, durable: true, preferUnnamed: preferUnnamed);

        // Assert
        Assert.IsTrue(first);
        Assert.IsFalse(second);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        CollectionAssert.AreEqual(new[] { "name" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).ToArray(), "no temporary file is left behind");
    }

    [TestMethod]
    public void The_file_is_handed_to_the_caller_whole_before_it_gets_its_name()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var path = folder.File("name");
        var seen = new List<(long Length, bool Named)>();

        // Act
        CreateOnceFile.Create(path, new byte[] { 1, 2, 3, 4, 5 }, durable: false, file => seen.Add((RandomAccess.GetLength(file), File.Exists(path))));

        // Assert
        CollectionAssert.AreEqual(new[] { (5L, false) }, seen);
        Assert.AreEqual(5L, new FileInfo(path).Length);
    }

    [TestMethod]
    public void A_stream_is_copied_whole_and_not_over_an_existing_file()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var path = folder.File("manifest.json");
        var content = new byte[200_000];
        new Random(3).NextBytes(content);

        // Act
        var first = CreateOnceFile.Create(path, new MemoryStream(content));
        var second = CreateOnceFile.Create(path, new MemoryStream([7]));

        // Assert
        Assert.IsTrue(first);
        Assert.IsFalse(second);
        CollectionAssert.AreEqual(content, File.ReadAllBytes(path));
    }
}
