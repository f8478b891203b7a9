using System.Reflection;
using System.Text.Json;
using ImageBackup.Testing;

namespace ImageBackup.Functions.Tests;

[TestClass]
public sealed class OpenApiDocumentTests
{
    [TestMethod]
    public async Task The_served_document_and_the_code_name_exactly_the_same_routes_and_methods()
    {
        // Arrange: every (METHOD, /api/route) of the HTTP functions.
        var inCode = typeof(FunctionsServiceRegistration).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name == "HttpTriggerAttribute"))
            .Where(a => a is not null)
            .SelectMany(a => ((string[])a!.GetType().GetProperty("Methods")!.GetValue(a)!)
                .Select(m => $"{m.ToUpperInvariant()} /api/{a.GetType().GetProperty("Route")!.GetValue(a)}"))
            .ToHashSet();

        // Act
        using var response = await ServiceHost.Client.GetAsync("api/openapi.json");
        var document = await response.ReadJsonAsync();
        var inDocument = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        // Assert
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        CollectionAssert.AreEquivalent(inCode.Order().ToList(), inDocument.Order().ToList(),
            $"only in code: {string.Join(", ", inCode.Except(inDocument))}; only in the document: {string.Join(", ", inDocument.Except(inCode))}");
    }

    [TestMethod]
    public void The_document_in_the_repository_is_valid_json_with_a_title_and_security_scheme()
    {
        // Act
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryLayout.PathOf("docs", "openapi.json")));

        // Assert
        Assert.AreEqual("ImageBackup API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.IsTrue(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }
}
