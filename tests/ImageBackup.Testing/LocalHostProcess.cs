using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ImageBackup.Testing;

/// <summary>The local Functions host as a real child process on a free port, so tests exercise it as users do (and can kill it).</summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    /// <summary>The ops key every test host is started with.</summary>
    public const string OpsKey = "test-ops-key-0123456789";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the host, without credentials.</summary>
    public HttpClient Client { get; }

    /// <summary>What the host printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>A task hub name unique to this test run, so runs against one storage account never see each other's instances.</summary>
    public static string UniqueTaskHub(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Starts a host on task hub <paramref name="taskHub"/> and waits until it answers.</summary>
    public static async Task<LocalHostProcess> StartAsync(string taskHub, IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        var dll = RepositoryLayout.PathOf("localhost", "ImageBackup.LocalHost", "bin", RepositoryLayout.Configuration, "net10.0", "ImageBackup.LocalHost.dll");
        if (!File.Exists(dll))
        {
            throw new AssertFailedException($"The local host is not built: {dll} is missing.");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", baseAddress.ToString().TrimEnd('/') },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["AzureWebJobsStorage"] = TestStorage.ConnectionString;
        start.Environment["ImageBackup__OpsKey"] = OpsKey;
        start.Environment["ImageBackup__TaskHub"] = taskHub;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__ImageBackup"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new LocalHostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>Kills the process at once, as a crash or <c>kill -9</c> would.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new AssertFailedException($"The local host exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Kill();
        throw new AssertFailedException($"The local host did not answer within 180 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
