using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dangjian.Domain.Tests;

/// <summary>
/// STYLE.md "Thin use cases in Web": an entity's status changes only through its own methods in Domain, which hold the
/// transition's preconditions. Web and Data never assign a Domain entity's Status, neither on a loaded entity nor in the
/// object initializer of a new one; a status other than the enum's first is reached by the entity's method (or factory).
/// </summary>
public sealed partial class StatusAssignmentTests
{
    /// <summary>
    /// Folders where an assignment is allowed, with the reason. The demo district (Data/Demo) is written as history
    /// already lived — campaigns publicized, meetings held and decided, surveys closed — and records that state as it
    /// stands, as restoring a backup would, rather than replaying every transition on dates long past.
    /// </summary>
    private static readonly string[] Allowed = ["src/Dangjian.Data/Demo/"];

    /// <summary>Simple names of the Domain types whose Status has a public setter: the entities this guards.</summary>
    private static readonly HashSet<string> Entities = [.. typeof(Dangjian.Domain.Organizations.Organization).Assembly.GetTypes()
        .Where(t => t.GetProperty("Status", BindingFlags.Public | BindingFlags.Instance)?.SetMethod?.IsPublic == true)
        .Select(t => t.Name)];

    [Fact]
    public void WebAndData_AssignNoEntityStatus()
    {
        var root = ArchitectureTests.SourceRoot;
        var found = new List<string>();
        foreach (var project in new[] { "Dangjian.Web", "Dangjian.Data" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", project), "*.*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                    || Allowed.Any(a => relative.StartsWith(a, StringComparison.Ordinal)))
                {
                    continue;
                }

                if (file.EndsWith(".cs", StringComparison.Ordinal))
                {
                    found.AddRange(Find(File.ReadAllText(file)).Select(f => $"{relative}:{f.Line}: {f.Text}"));
                }
                else if (file.EndsWith(".razor", StringComparison.Ordinal))
                {
                    found.AddRange(FindInRazor(File.ReadAllText(file)).Select(f => $"{relative}:{f.Line}: {f.Text}"));
                }
            }
        }

        Assert.True(found.Count == 0, "Status assigned outside Domain (call the entity's method instead):\n" + string.Join('\n', found));
    }

    [Fact]
    public void Find_AssignmentsOnEntities_NamedWithTheirLine()
    {
        const string code = """
            class C
            {
                void Change(ElectionRound round, Dangjian.Domain.Meetings.Meeting meeting)
                {
                    round.Status = RoundStatus.Open;
                    var m = new Meeting
                    {
                        Title = "x",
                        Status = MeetingStatus.Closed,
                    };
                    meeting.Items[0].Status ??= ItemStatus.Decided;
                }
            }
            """;

        var found = Find(code);

        Assert.Equal([5, 9, 11], found.Select(f => f.Line));
    }

    [Fact]
    public void Find_StatusOfTypesOutsideDomain_NotFound()
    {
        const string code = """
            class C
            {
                void Fill(ProblemDetails problem, Draft d)
                {
                    problem.Status = 400;
                    d.Status = MemberStatus.Full;
                    var p = new ProblemDetails { Status = 404 };
                    var form = new PersonForm { Status = MemberStatus.Full };
                    Status = null;
                    if (problem.Status == 400) { }
                }
            }
            """;

        Assert.Empty(Find(code));
    }

    [Fact]
    public void FindInRazor_MemberAssignment_FoundButComponentParameterNot()
    {
        const string razor = """
            <DlmStatusChip Status="m.Status" />
            @code {
                private void Close() => _campaign.Status = CampaignStatus.Closed;
            }
            """;

        Assert.Equal([3], FindInRazor(razor).Select(f => f.Line));
    }

    /// <summary>
    /// Assignments to Status in C# source: on a member whose receiver is not declared with a type from outside Domain,
    /// and in the object initializer of a Domain entity.
    /// </summary>
    private static IEnumerable<(int Line, string Text)> Find(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code);
        foreach (var a in tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            var hit = a.Left switch
            {
                MemberAccessExpressionSyntax { Name.Identifier.Text: "Status" } m => !DeclaredOutsideDomain(m.Expression),
                IdentifierNameSyntax { Identifier.Text: "Status" } => a.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax o } && IsEntity(o.Type),
                _ => false,
            };
            if (hit)
            {
                yield return (a.GetLocation().GetLineSpan().StartLinePosition.Line + 1, a.ToString());
            }
        }
    }

    /// <summary>Member assignments to Status in a Razor file's code (a component's Status="…" parameter is not one).</summary>
    private static IEnumerable<(int Line, string Text)> FindInRazor(string razor)
    {
        var lines = razor.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (RazorAssignment().Match(lines[i]) is { Success: true } m)
            {
                yield return (i + 1, m.Value.Trim());
            }
        }
    }

    private static bool IsEntity(TypeSyntax type) => Entities.Contains(SimpleName(type));

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.Text,
        AliasQualifiedNameSyntax a => a.Name.Identifier.Text,
        SimpleNameSyntax s => s.Identifier.Text,
        NullableTypeSyntax n => SimpleName(n.ElementType),
        _ => type.ToString(),
    };

    /// <summary>
    /// Whether the receiver is a parameter or local declared with a type that is not a Domain entity (a form model, a
    /// ProblemDetails, an import row). Anything else — an entity, or a type this cannot see — counts as an entity.
    /// </summary>
    private static bool DeclaredOutsideDomain(ExpressionSyntax receiver)
    {
        if (receiver is not IdentifierNameSyntax { Identifier.Text: var name })
        {
            return false;
        }

        foreach (var scope in receiver.Ancestors())
        {
            var parameter = scope.ChildNodes().OfType<ParameterListSyntax>().SelectMany(l => l.Parameters)
                .FirstOrDefault(p => p.Identifier.Text == name && p.Type is not null);
            if (parameter is not null)
            {
                return !IsEntity(parameter.Type!);
            }

            var local = scope.DescendantNodes().OfType<VariableDeclarationSyntax>()
                .FirstOrDefault(d => d.Variables.Any(v => v.Identifier.Text == name));
            if (local is not null)
            {
                var type = local.Type.IsVar
                    ? (local.Variables.First(v => v.Identifier.Text == name).Initializer?.Value as ObjectCreationExpressionSyntax)?.Type
                    : local.Type;
                return type is not null && !IsEntity(type);
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\w\)\]]\s*\.\s*Status\s*(=|\?\?=)(?![=>])[^;]*")]
    private static partial Regex RazorAssignment();
}
