using ImageBackup.Domain.Retention;
using static ImageBackup.Domain.Tests.TestContracts;

namespace ImageBackup.Domain.Tests.Retention;

[TestClass]
public sealed class GenerationTaggingTests
{
    [TestMethod]
    [DataRow("2026-11-24", GenerationTags.Daily)]
    [DataRow("2026-11-29", GenerationTags.Daily)]
    [DataRow("2026-11-30", GenerationTags.Daily | GenerationTags.Weekly)]
    [DataRow("2026-12-01", GenerationTags.Daily | GenerationTags.Monthly)]
    [DataRow("2027-02-01", GenerationTags.Daily | GenerationTags.Weekly | GenerationTags.Monthly)]
    public void Every_capture_is_daily_Mondays_are_weekly_and_the_1st_is_monthly(string night, GenerationTags expected)
    {
        var tags = GenerationTagging.For(Date(night));

        Assert.AreEqual(expected, tags);
    }

    [TestMethod]
    [DataRow("2026-11-29T15:00:00Z", "2026-11-30")]
    [DataRow("2026-11-29T20:59:59Z", "2026-11-30")]
    [DataRow("2026-11-29T14:59:59Z", "2026-11-29")]
    public void A_capture_belongs_to_the_Tokyo_date_on_which_it_started(string startedAt, string night)
    {
        var actual = GenerationTagging.NightOf(Utc(startedAt));

        Assert.AreEqual(Date(night), actual);
    }

    [TestMethod]
    public void The_window_00_to_06_JST_on_a_Monday_is_the_weekly_night_of_Sunday_to_Monday()
    {
        var startedAt = Utc("2026-11-29T16:30:00Z");

        var tags = GenerationTagging.For(GenerationTagging.NightOf(startedAt));

        Assert.AreEqual(DayOfWeek.Sunday, DateOnly.FromDateTime(startedAt.UtcDateTime).DayOfWeek);
        Assert.IsTrue(tags.HasFlag(GenerationTags.Weekly));
    }
}
