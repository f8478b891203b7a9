using ImageBackup.FileRestore.Tests.Support;

namespace ImageBackup.FileRestore.Tests.UsedBlocks;

/// <summary>Runs the file system's own read-only checker (<c>e2fsck -fn</c>, <c>xfs_repair -n</c>, <c>ntfsfix -n</c>) on an image and fails on any complaint.</summary>
internal static class FileSystemCheck
{
    public static void AssertClean(string flavour, string image)
    {
        _ = flavour switch
        {
            "extfs" => Tools.RunSuccessfully("e2fsck", "-fn", image),
            "xfs" => Tools.RunSuccessfully("xfs_repair", "-n", image),
            "ntfs" => Tools.RunSuccessfully("ntfsfix", "-n", image),
            _ => throw new ArgumentException($"no checker for {flavour}", nameof(flavour)),
        };
    }
}
