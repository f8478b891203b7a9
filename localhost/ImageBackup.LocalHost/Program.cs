using DurableTask.AzureStorage;
using ImageBackup.Application.Configuration;
using ImageBackup.Functions;
using ImageBackup.Functions.Http;
using ImageBackup.LocalHost.Configuration;
using ImageBackup.LocalHost.Durable;
using ImageBackup.LocalHost.Functions;
using ImageBackup.LocalHost.Http;
using ImageBackup.LocalHost.Timers;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;

var builder = WebApplication.CreateBuilder(args);
if (LocalSettingsSource.Locate(Directory.GetCurrentDirectory()) is { } settingsFile)
{
    // local.settings.json wins over environment variables for the keys it names, as the issue asks.
    builder.Configuration.AddInMemoryCollection(LocalSettingsSource.Read(settingsFile));
}

builder.Logging.AddFilter("DurableTask", LogLevel.Warning).AddFilter("Azure", LogLevel.Warning);
var catalog = FunctionCatalog.Scan(typeof(FunctionsServiceRegistration).Assembly);
var clock = ClockOverride.Create(builder.Configuration);
var storage = builder.Configuration["AzureWebJobsStorage"]
    ?? throw new InvalidOperationException("Set AzureWebJobsStorage (./run.sh starts Azurite and sets it).");
var taskHub = builder.Configuration[$"{ImageBackupOptions.Section}:TaskHub"] ?? new ImageBackupOptions().TaskHub;

builder.Services.AddSingleton(clock);
builder.Services.AddImageBackupFunctions(builder.Configuration);
builder.Services.AddMvcCore();
builder.Services.AddSingleton(catalog);
var served = new ServedFunctions();
builder.Services.AddSingleton(served);
builder.Services.AddSingleton<DataConverter>(JsonDataConverter.Default);
builder.Services.AddSingleton(sp => new AzureStorageOrchestrationService(
    TaskHubSettings.Create(storage, taskHub, sp.GetRequiredService<ILoggerFactory>())));
builder.Services.AddSingleton<DurableTaskClient>(sp => new TaskHubDurableTaskClient(
    sp.GetRequiredService<AzureStorageOrchestrationService>(), sp.GetRequiredService<DataConverter>()));
builder.Services.AddSingleton<FunctionInvoker>();
builder.Services.AddSingleton<TimerFunctionRunner>();
builder.Services.AddHostedService<DurableTaskHubHost>();
builder.Services.AddHostedService<ClockOverrideAnnouncer>();
builder.Services.AddHostedService<TimerScheduler>();

var app = builder.Build();
app.UseExceptionHandler(errors => errors.Run(async context =>
{
    await context.WriteAsync(ProblemResults.Problem(StatusCodes.Status500InternalServerError, "Internal error.", "The service failed; the error is in its log."));
}));
app.MapHttpFunctions(catalog, served);
app.MapAdminEndpoints(catalog);
app.UseStatusCodePages(async context =>
{
    var response = context.HttpContext.Response;
    if (response.StatusCode == StatusCodes.Status404NotFound && !response.HasStarted && response.ContentLength is null)
    {
        await context.HttpContext.WriteAsync(ProblemResults.NotFound("No endpoint at this path."));
    }
});
app.Logger.LogInformation("ImageBackup local host: {Http} HTTP, {Timers} timer, {Orchestrations} orchestrator, {Activities} activity functions; task hub {TaskHub}",
    catalog.OfKind(FunctionKind.Http).Count(), catalog.OfKind(FunctionKind.Timer).Count(),
    catalog.OfKind(FunctionKind.Orchestration).Count(), catalog.OfKind(FunctionKind.Activity).Count(), taskHub);
app.Run();

/// <summary>The local host's entry point, visible to tests.</summary>
public partial class Program;
