using System.Net;
using ImageBackup.Agent.Daemon;
using ImageBackup.Agent.Tests.Support;

namespace ImageBackup.Agent.Tests.Daemon;

[TestClass]
public sealed class DaemonPiecesTests
{
    [TestMethod]
    public void A_store_url_is_logged_without_its_sas_token()
    {
        // Arrange
        const string store = "https://acct.blob.core.windows.net/ctr-0123456789abcdef?sv=2025-01-05&sp=cw&se=2027-01-04T21%3A00%3A00Z&sig=SECRET%3D";

        // Act
        var logged = LogSafe.StoreUrl(store);
        var inText = LogSafe.Text("PUT " + store + " failed");

        // Assert
        Assert.AreEqual("https://acct.blob.core.windows.net/ctr-0123456789abcdef", logged);
        Assert.DoesNotContain("SECRET", inText);
    }

    [TestMethod]
    public void Retry_delays_double_with_jitter_up_to_the_cap()
    {
        // Arrange
        var policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        // Act
        var delays = Enumerable.Range(1, 12).Select(policy.DelayBefore).ToList();

        // Assert
        for (var attempt = 1; attempt <= delays.Count; attempt++)
        {
            var ceiling = Math.Min(Math.Pow(2, attempt - 1), 60);
            Assert.IsTrue(delays[attempt - 1].TotalSeconds >= ceiling / 2 && delays[attempt - 1].TotalSeconds <= ceiling, $"retry {attempt}: {delays[attempt - 1]}");
        }
    }

    [TestMethod]
    public void Only_timeouts_throttling_and_server_errors_are_retried()
    {
        // Arrange
        HttpStatusCode[] transient = [HttpStatusCode.RequestTimeout, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable];
        HttpStatusCode[] final = [HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity];

        // Act
        var retried = transient.Where(AgentApiClient.IsTransient).ToList();
        var ended = final.Where(s => !AgentApiClient.IsTransient(s)).ToList();

        // Assert
        CollectionAssert.AreEqual(transient, retried);
        CollectionAssert.AreEqual(final, ended);
    }

    [TestMethod]
    public void The_api_url_may_be_given_with_or_without_its_api_segment()
    {
        // Arrange
        Uri[] given = [new("http://127.0.0.1:7071"), new("http://127.0.0.1:7071/"), new("http://127.0.0.1:7071/api"), new("http://127.0.0.1:7071/api/")];

        // Act
        var roots = given.Select(AgentApiClient.ApiRoot).Select(u => u.ToString()).Distinct().ToList();

        // Assert
        CollectionAssert.AreEqual(new[] { "http://127.0.0.1:7071/api/" }, roots);
    }

    [TestMethod]
    public async Task Run_without_a_key_or_an_enrollment_token_exits_2_and_names_the_token_option()
    {
        // Arrange
        using var folder = new TemporaryFolder();

        // Act
        var run = await AgentProcess.RunAsync("run", "--api", "http://127.0.0.1:9", "--state-dir", folder.File("state"), "--source", folder.File("disk.img"));
        var badWait = await AgentProcess.RunAsync("run", "--api", "http://127.0.0.1:9", "--state-dir", folder.File("state"), "--source", "x", "--poll-wait", "5m");

        // Assert
        Assert.AreEqual(2, run.ExitCode, run.ToString());
        Assert.Contains("--enrollment-token", run.StandardError);
        Assert.AreEqual(2, badWait.ExitCode, badWait.ToString());
    }
}
