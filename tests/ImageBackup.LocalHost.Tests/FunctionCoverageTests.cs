using System.Reflection;
using ImageBackup.Functions;
using ImageBackup.Testing;

namespace ImageBackup.LocalHost.Tests;

[TestClass]
public sealed class FunctionCoverageTests
{
    private static readonly Dictionary<string, string> TriggerKinds = new(StringComparer.Ordinal)
    {
        ["HttpTriggerAttribute"] = "http",
        ["TimerTriggerAttribute"] = "timer",
        ["OrchestrationTriggerAttribute"] = "orchestration",
        ["ActivityTriggerAttribute"] = "activity",
    };

    [TestMethod]
    public async Task Every_function_of_the_functions_assembly_is_served_by_the_local_host()
    {
        // Arrange: read the Functions assembly independently of the host's own scanner.
        var declared = typeof(FunctionsServiceRegistration).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Function: m.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name == "FunctionAttribute"), Method: m))
            .Where(x => x.Function is not null)
            .ToDictionary(
                x => (string)x.Function!.GetType().GetProperty("Name")!.GetValue(x.Function)!,
                x => x.Method.GetParameters().SelectMany(p => p.GetCustomAttributes()).Select(a => TriggerKinds.GetValueOrDefault(a.GetType().Name)).FirstOrDefault(k => k is not null) ?? "unknown");

        // Act
        using var response = await SharedLocalHost.Host.Client.GetAsync("admin/functions");
        var served = (await response.ReadJsonAsync()).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        // Assert
        Assert.IsGreaterThanOrEqualTo(10, declared.Count, "the scan found too few functions to be meaningful");
        CollectionAssert.AreEquivalent(new[] { "http", "timer", "orchestration", "activity" }, declared.Values.Distinct().ToList());
        foreach (var (name, kind) in declared)
        {
            Assert.IsTrue(served.TryGetValue(name, out var servedKind), $"The local host does not serve {kind} function '{name}'.");
            Assert.AreEqual(kind, servedKind, $"Function '{name}' is served as the wrong kind.");
        }
    }

    [TestMethod]
    public async Task Every_http_function_answers_on_its_route_instead_of_the_hosts_not_found()
    {
        // Arrange
        var routes = typeof(FunctionsServiceRegistration).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name == "HttpTriggerAttribute"))
            .Where(a => a is not null)
            .Select(a => (Route: (string)a!.GetType().GetProperty("Route")!.GetValue(a)!, Methods: (string[])a.GetType().GetProperty("Methods")!.GetValue(a)!))
            .ToList();

        foreach (var (route, methods) in routes)
        {
            var path = "api/" + System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", "x-1");
            foreach (var method in methods)
            {
                // Act
                using var response = await SharedLocalHost.Host.Client.SendAsync(new HttpMethod(method.ToUpperInvariant()), path);
                var body = await response.Content.ReadAsStringAsync();

                // Assert: a function answered (any status but the host's "No endpoint at this path").
                Assert.DoesNotContain("No endpoint at this path", body, $"{method} /{path} is not routed to a function.");
                Assert.AreNotEqual(405, (int)response.StatusCode, $"{method} /{path} is not allowed.");
            }
        }
    }
}
