using System.Reflection;
using System.Xml.Linq;

namespace Dangjian.Domain.Tests;

/// <summary>
/// DESIGN.md "Dependency rules": Domain references nothing of ours and nothing beyond the base library;
/// Data references Domain; Web references Domain and Data; Cli references Domain and Data, never Web.
/// Checked on the project files and on the built Domain assembly.
/// </summary>
public sealed class ArchitectureTests
{
    internal static readonly string SourceRoot = FindSourceRoot();

    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        { "Dangjian.Domain", [] },
        { "Dangjian.Data", ["Dangjian.Domain"] },
        { "Dangjian.Migrations.Sqlite", ["Dangjian.Data"] },
        { "Dangjian.Migrations.Postgres", ["Dangjian.Data"] },
        { "Dangjian.Web", ["Dangjian.Domain", "Dangjian.Data", "Dangjian.Migrations.Sqlite", "Dangjian.Migrations.Postgres"] },
        { "Dangjian.Cli", ["Dangjian.Domain", "Dangjian.Data", "Dangjian.Migrations.Sqlite", "Dangjian.Migrations.Postgres"] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void ProjectReferences_StayWithinTheLayering(string project, string[] allowed)
    {
        var references = ProjectReferencesOf(project);
        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Fact]
    public void Domain_HasNoPackageReferences()
    {
        var csproj = XDocument.Load(Path.Combine(SourceRoot, "src", "Dangjian.Domain", "Dangjian.Domain.csproj"));
        Assert.DoesNotContain(csproj.Descendants(), e => e.Name.LocalName is "PackageReference" or "FrameworkReference");
    }

    [Fact]
    public void DomainAssembly_ReferencesOnlyTheBaseLibrary()
    {
        var referenced = typeof(Dangjian.Domain.Organizations.Organization).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.True(
            name is "System.Runtime" or "System.Collections" or "System.Linq" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal),
            $"Domain references {name}"));
        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.", StringComparison.Ordinal) || n.StartsWith("Dangjian.", StringComparison.Ordinal));
    }

    [Fact]
    public void DomainTypes_LiveInModuleNamespaces()
    {
        var modules = new[] { "Organizations", "People", "Teams", "Units", "Accounts", "Audit", "Common", "Elections", "Meetings", "Evaluations", "Surveys",
            "Commitments", "Study", "Dues", "Cadres", "Supervision", "Delegates", "Services", "ThemeEducation", "Reviews", "Calendar",
            "Secrecy", "Awards", "Reminders" }; // Secrecy: the shared secret-ballot mechanism (DESIGN.md "Layout")
        var stray = typeof(Dangjian.Domain.Organizations.Organization).Assembly.GetTypes()
            .Where(t => t.Namespace is not null && !t.Name.StartsWith('<'))
            .Where(t => t.Namespace!.Split('.') is not ["Dangjian", "Domain", var module, ..] || !modules.Contains(module))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(stray);
    }

    private static List<string> ProjectReferencesOf(string project)
    {
        var csproj = XDocument.Load(Path.Combine(SourceRoot, "src", project, project + ".csproj"));
        return csproj.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }

    private static string FindSourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dangjian.slnx not found above " + AppContext.BaseDirectory + Assembly.GetExecutingAssembly().GetName().Name);
    }
}
