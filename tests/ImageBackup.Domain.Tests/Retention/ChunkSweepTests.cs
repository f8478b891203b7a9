using ImageBackup.Domain.Retention;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Retention;

[TestClass]
public sealed class ChunkSweepTests
{
    private static readonly DateTimeOffset Mark = Utc("2026-11-25T03:00:00Z");
    private static readonly TimeSpan Grace = TimeSpan.FromHours(24);
    private static readonly HashSet<string> None = [];

    [TestMethod]
    public void An_old_chunk_that_nothing_references_is_deletable()
    {
        var chunks = new[] { new ChunkInfo("old", Mark.AddDays(-3)) };

        var deletable = ChunkSweep.Plan(None, None, chunks, Mark, Grace);

        CollectionAssert.AreEqual(new[] { "old" }, deletable.ToList());
    }

    [TestMethod]
    public void A_chunk_uploaded_after_the_mark_by_a_capture_not_yet_in_any_manifest_is_never_deleted()
    {
        var chunks = new[] { new ChunkInfo("fresh", Mark.AddMinutes(5)) };

        var deletable = ChunkSweep.Plan(None, None, chunks, Mark, Grace);

        Assert.IsEmpty(deletable);
    }

    [TestMethod]
    public void An_old_chunk_reused_by_a_capture_in_flight_is_kept()
    {
        var chunks = new[] { new ChunkInfo("reused", Mark.AddDays(-40)) };

        var deletable = ChunkSweep.Plan(None, new HashSet<string> { "reused" }, chunks, Mark, Grace);

        Assert.IsEmpty(deletable);
    }

    [TestMethod]
    public void An_old_chunk_of_a_kept_generation_is_kept()
    {
        var chunks = new[] { new ChunkInfo("shared", Mark.AddDays(-200)) };

        var deletable = ChunkSweep.Plan(new HashSet<string> { "shared" }, None, chunks, Mark, Grace);

        Assert.IsEmpty(deletable);
    }

    [TestMethod]
    public void A_chunk_written_exactly_at_the_grace_boundary_is_kept()
    {
        var chunks = new[] { new ChunkInfo("edge", Mark - Grace), new ChunkInfo("older", Mark - Grace - TimeSpan.FromTicks(1)) };

        var deletable = ChunkSweep.Plan(None, None, chunks, Mark, Grace);

        CollectionAssert.AreEqual(new[] { "older" }, deletable.ToList());
    }

    [TestMethod]
    public void A_chunk_listed_twice_is_judged_by_its_newest_write()
    {
        var chunks = new[] { new ChunkInfo("c", Mark.AddDays(-3)), new ChunkInfo("c", Mark.AddHours(-1)) };

        var deletable = ChunkSweep.Plan(None, None, chunks, Mark, Grace);

        Assert.IsEmpty(deletable);
    }

    [TestMethod]
    public void A_grace_shorter_than_a_capture_window_is_refused()
    {
        var chunks = new[] { new ChunkInfo("old", Mark.AddDays(-3)) };

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            ChunkSweep.Plan(None, None, chunks, Mark, TimeSpan.FromHours(6)));
    }
}
