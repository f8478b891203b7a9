using System.Net;
using System.Text.Json;
using ImageBackup.Agent.Daemon;
using ImageBackup.Agent.Tests.Support;
using ImageBackup.Testing;

namespace ImageBackup.Agent.Tests.Daemon;

/// <summary>
/// <c>imagebackup-agent run</c> against the real service (local host on Azurite). The tests run one after another: each
/// starts its own night on the shared host, and a night sends commands to every enrolled agent it finds.
/// </summary>
[TestClass]
[DoNotParallelize]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NightlyDaemonTests
{
    private static NightlyService? service;

    private static NightlyService Service => service ?? throw new InvalidOperationException("the local host is not started");

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => service = await NightlyService.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task The_first_run_enrolls_and_stores_the_key_for_the_owner_only_and_a_second_run_does_not_enroll_again()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var order = await Service.PlaceOrderAsync();
        var stateDirectory = folder.File("state");

        // Act
        int firstExit;
        string firstLog;
        using (var first = RunningAgent.Start(Service.BaseAddress, stateDirectory, folder.File("disk.img"), "--enrollment-token", order.EnrollmentToken))
        {
            await first.WaitForLogAsync("Waiting for commands");
            first.Terminate();
            firstExit = await first.WaitForExitAsync();
            firstLog = first.StandardError;
        }
        var stored = new AgentStateDirectory(stateDirectory).ReadCredentials();
        var mode = File.GetUnixFileMode(Path.Combine(stateDirectory, "agent.json"));
        int secondExit;
        string secondLog;
        using (var second = RunningAgent.Start(Service.BaseAddress, stateDirectory, folder.File("disk.img")))
        {
            await second.WaitForLogAsync("Waiting for commands");
            second.Terminate();
            secondExit = await second.WaitForExitAsync();
            secondLog = second.StandardError;
        }
        using var me = await Service.Client.SendAsync(HttpMethod.Get, "api/agent/me", stored?.AgentKey);

        // Assert
        Assert.AreEqual(0, firstExit, firstLog);
        Assert.AreEqual(0, secondExit, secondLog);
        Assert.IsNotNull(stored);
        Assert.AreEqual(order.ContractId, stored.ContractId);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.AreEqual(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("key stored in", firstLog);
        Assert.DoesNotContain("key stored in", secondLog);
        Assert.DoesNotContain(stored.AgentKey, firstLog + secondLog);
    }

    [TestMethod]
    public async Task Run_once_takes_the_nights_capture_command_captures_and_reports_it_completed()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var night = new DateOnly(2031, 3, 10);
        var order = await Service.PlaceOrderAsync();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 3, seed: 31);
        using var agent = RunningAgent.Start(Service.BaseAddress, folder.File("state"), image, "--once", "--enrollment-token", order.EnrollmentToken);
        await agent.WaitForLogAsync("Waiting for commands");

        // Act
        await Service.StartNightAsync(night);
        var exit = await agent.WaitForExitAsync();
        var backups = await Service.WaitForBackupsAsync(order);

        // Assert
        Assert.AreEqual(0, exit, agent.StandardError);
        Assert.Contains($"Reported {order.CaptureId(night)} completed", agent.StandardError);
        Assert.AreEqual(1, backups.GetArrayLength(), backups.ToString());
        Assert.AreEqual(3 * ImageFile.MiB, backups[0].GetProperty("imageSize").GetInt64());
        Assert.IsFalse(File.Exists(Path.Combine(folder.File("state"), "command.json")));
        Assert.DoesNotContain("sig=", agent.StandardError);
    }

    [TestMethod]
    public async Task A_capture_of_an_unreadable_source_is_reported_failed_with_its_reason()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var night = new DateOnly(2031, 3, 11);
        var order = await Service.PlaceOrderAsync();
        using var agent = RunningAgent.Start(Service.BaseAddress, folder.File("state"), folder.File("no-such-disk"), "--once", "--enrollment-token", order.EnrollmentToken);
        await agent.WaitForLogAsync("Waiting for commands");

        // Act
        await Service.StartNightAsync(night);
        var exit = await agent.WaitForExitAsync();
        var backups = await Service.Client.SendAsync(HttpMethod.Get, $"api/contracts/{order.ContractId}/backups", order.CustomerKey);

        // Assert
        Assert.AreEqual(0, exit, agent.StandardError);
        Assert.Contains($"Reported {order.CaptureId(night)} failed", agent.StandardError);
        Assert.Contains("source unreadable", agent.StandardError);
        Assert.Contains("does not exist", agent.StandardError);
        Assert.AreEqual(0, (await backups.ReadJsonAsync()).GetArrayLength());
        Assert.IsFalse(File.Exists(Path.Combine(folder.File("state"), "command.json")));
    }

    [TestMethod]
    public async Task A_command_saved_before_a_crash_is_resumed_on_start_and_reported_completed()
    {
        // Arrange: an agent enrolled, took the night's command and saved it, then died before capturing.
        using var folder = new TemporaryFolder();
        var night = new DateOnly(2031, 3, 12);
        var order = await Service.PlaceOrderAsync();
        var image = ImageFile.WriteMixed(folder.File("disk.img"), 2, seed: 32, tailBytes: 4096);
        using var enrolled = await Service.Client.SendAsync(HttpMethod.Post, "api/agent/enrollment", body: new { enrollmentToken = order.EnrollmentToken });
        var answer = await enrolled.ReadJsonAsync();
        var state = new AgentStateDirectory(folder.File("state"));
        state.SaveCredentials(new AgentCredentials(answer.GetProperty("agentId").GetString()!, answer.GetProperty("agentKey").GetString()!, order.ContractId, Service.BaseAddress.ToString()));
        await Service.StartNightAsync(night);
        var command = await TakeCommandAsync(answer.GetProperty("agentKey").GetString()!);
        state.SaveCommand(new PendingCommand(command, null));

        // Act
        using var agent = RunningAgent.Start(Service.BaseAddress, state.Path, image, "--once");
        var exit = await agent.WaitForExitAsync();
        var backups = await Service.WaitForBackupsAsync(order);

        // Assert
        Assert.AreEqual(order.CaptureId(night), command.CommandId);
        Assert.AreEqual(0, exit, agent.StandardError);
        Assert.Contains("Resuming command " + command.CommandId, agent.StandardError);
        Assert.Contains($"Reported {order.CaptureId(night)} completed", agent.StandardError);
        Assert.AreEqual(1, backups.GetArrayLength(), backups.ToString());
        Assert.IsNull(state.ReadCommand());
    }

    [TestMethod]
    public async Task A_saved_command_whose_deadline_has_passed_is_dropped_without_capturing()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        var order = await Service.PlaceOrderAsync();
        using var enrolled = await Service.Client.SendAsync(HttpMethod.Post, "api/agent/enrollment", body: new { enrollmentToken = order.EnrollmentToken });
        var answer = await enrolled.ReadJsonAsync();
        var state = new AgentStateDirectory(folder.File("state"));
        state.SaveCredentials(new AgentCredentials(answer.GetProperty("agentId").GetString()!, answer.GetProperty("agentKey").GetString()!, order.ContractId, Service.BaseAddress.ToString()));
        var stale = DaemonCommands.Capture(order.CaptureId(new DateOnly(2020, 1, 6)), "http://127.0.0.1:9/ctr-none?sp=cw&sig=x", DateTimeOffset.UtcNow.AddHours(-1));
        state.SaveCommand(new PendingCommand(stale, null));

        // Act
        using var agent = RunningAgent.Start(Service.BaseAddress, state.Path, folder.File("disk.img"), "--once");
        await agent.WaitForLogAsync("Waiting for commands");
        agent.Terminate();
        var exit = await agent.WaitForExitAsync();

        // Assert
        Assert.AreEqual(0, exit, agent.StandardError);
        Assert.Contains("Dropping saved command " + stale.CommandId, agent.StandardError);
        Assert.DoesNotContain("Capturing", agent.StandardError);
        Assert.IsNull(state.ReadCommand());
    }

    private static async Task<AgentCommandMessage> TakeCommandAsync(string agentKey)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            using var response = await Service.Client.SendAsync(HttpMethod.Get, "api/agent/commands/next?wait=10s", agentKey);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonSerializer.Deserialize<AgentCommandMessage>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
            }
            Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        }
        Assert.Fail("no command came within two minutes");
        return null;
    }
}
