using System.Globalization;
using System.Net;
using ImageBackup.Testing;

namespace ImageBackup.LocalHost.Tests;

[TestClass]
public sealed class TimerAndClockTests
{
    [TestMethod]
    public async Task The_clock_override_starts_the_apps_clock_at_the_configured_instant()
    {
        // Act
        using var response = await SharedLocalHost.Host.Client.GetAsync("api/health");
        var now = DateTimeOffset.Parse((await response.ReadJsonAsync()).GetProperty("now").GetString()!, CultureInfo.InvariantCulture);

        // Assert: later than the start, but by minutes at most, never by the years to the real date.
        Assert.IsGreaterThanOrEqualTo(SharedLocalHost.ClockStart, now);
        Assert.IsLessThan(SharedLocalHost.ClockStart.AddMinutes(15), now);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task The_nightly_timer_fires_on_its_schedule_at_midnight_jst_of_the_apps_clock()
    {
        // Arrange: the shared host's clock starts at 23:59:50 JST on 2030-01-14, so its 15:00 UTC timer fires ten seconds later.
        var client = SharedLocalHost.Host.Client;

        // Act
        var deadline = DateTime.UtcNow.AddSeconds(90);
        HttpStatusCode status;
        do
        {
            using var response = await client.SendAsync(HttpMethod.Get, "api/ops/nightly-runs/2030-01-15", LocalHostProcess.OpsKey);
            status = response.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(500);
            }
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        // Assert
        Assert.AreEqual(HttpStatusCode.OK, status, "the timer did not start nightly-2030-01-15:\n" + SharedLocalHost.Host.Output);
    }

    [TestMethod]
    public async Task The_admin_endpoint_runs_a_timer_now_and_starting_the_same_night_again_is_harmless()
    {
        // Arrange
        var client = SharedLocalHost.Host.Client;

        // Act
        using var first = await client.SendAsync(HttpMethod.Post, "admin/functions/NightlyBackupTimer", LocalHostProcess.OpsKey);
        using var second = await client.SendAsync(HttpMethod.Post, "admin/functions/NightlyBackupTimer", LocalHostProcess.OpsKey);
        using var unknown = await client.SendAsync(HttpMethod.Post, "admin/functions/NoSuchTimer", LocalHostProcess.OpsKey);
        using var anonymous = await client.SendAsync(HttpMethod.Post, "admin/functions/NightlyBackupTimer");

        // Assert
        Assert.AreEqual(HttpStatusCode.Accepted, first.StatusCode);
        Assert.AreEqual(HttpStatusCode.Accepted, second.StatusCode);
        await unknown.AssertProblemAsync(404);
        await anonymous.AssertProblemAsync(401);
    }
}
