using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Dangjian.Data;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Audit;

/// <summary>
/// The audit log reads as words in both languages: every action the code writes ("Nominee.Vetted") has a label of its
/// own (Action.*) or a label for what it acted on (Entity.*) and for what it did (Verb.*), and every audited table has an
/// entity label. A new action or table without one showed as a raw key on /audit until a page crawl happened by it.
/// </summary>
public sealed partial class AuditLabelTests
{
    private static readonly ResourceManager Resources = new(typeof(AuditText).FullName!, typeof(AuditText).Assembly);

    public static TheoryData<string> Languages => new() { "zh-CN", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryActionTheCodeWrites_HasALabel(string language)
    {
        var keys = Keys(language);
        var missing = WrittenActions()
            .Where(a => !keys.Contains($"Action.{a.Action}")
                && !(keys.Contains($"Entity.{a.Action[..a.Action.LastIndexOf('.')]}") && keys.Contains($"Verb.{a.Action[(a.Action.LastIndexOf('.') + 1)..]}")))
            .Select(a => $"{a.Action} ({a.Where})")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, $"{language}: actions without a label in AuditText:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryAuditedTable_HasAnEntityLabel_AndTheRowActionsExist(string language)
    {
        var keys = Keys(language);
        using var db = new DangjianDbContext(new DbContextOptionsBuilder<DangjianDbContext>().UseSqlite("Data Source=model-only").Options);
        // A row's own change is logged as Created, Updated or Deleted (labelled Action.*), under its table's name.
        var missing = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && DangjianDbContext.IsAuditedType(t.ClrType)).Select(t => "Entity." + t.ClrType.Name)
            .Concat(new[] { "Created", "Updated", "Deleted" }.Select(v => "Action." + v))
            .Where(key => !keys.Contains(key))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"{language}: tables or verbs without a label in AuditText:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TheScan_FindsTheActionsItChecks()
    {
        // The source scan itself can fail silently by finding nothing; it must find the known actions of every kind of
        // writing: a plain assignment, a ternary, a named constant.
        var actions = WrittenActions().Select(a => a.Action).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Nominee.Vetted", actions);
        Assert.Contains("DemocraticLifeMeeting.Unconfirmed", actions);
        Assert.Contains("CalendarYear.Replaced", actions);
        Assert.Contains("Commitment.Returned", actions);
        Assert.True(actions.Count > 50, $"only {actions.Count} actions found");
    }

    /// <summary>The keys a language's own resource file has (English must not fall back to the Chinese text).</summary>
    private static HashSet<string> Keys(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var set = culture.Name == "zh-CN"
            ? Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            : Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// "Entity.Verb" literals on lines that set the audit action (or in the arms of a switch that does) or name one as a
    /// constant, in src. An action built from a value ($"CommitmentCampaign.{to}") is not seen: its labels are listed by hand.
    /// </summary>
    private static IEnumerable<(string Action, string Where)> WrittenActions()
    {
        var src = Path.Combine(SourceTree.Root(), "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            var inSwitch = false;
            for (var i = 0; i < lines.Length; i++)
            {
                // The arms of "AuditAction = x switch { … }" name their actions on the lines below it.
                var armOfSwitch = inSwitch && !lines[i].TrimStart().StartsWith("};", StringComparison.Ordinal);
                inSwitch = armOfSwitch || (ActionLine().IsMatch(lines[i]) && lines[i].TrimEnd().EndsWith("switch", StringComparison.Ordinal));
                if (!armOfSwitch && !ActionLine().IsMatch(lines[i]))
                {
                    continue;
                }

                foreach (Match m in ActionLiteral().Matches(lines[i]))
                {
                    yield return (m.Groups[1].Value, $"{Path.GetRelativePath(src, file)}:{i + 1}");
                }
            }
        }
    }


    [GeneratedRegex(@"AuditAction\s*=|const string \w*Action\s*=")]
    private static partial Regex ActionLine();

    [GeneratedRegex(@"""([A-Z][A-Za-z]+\.[A-Z][A-Za-z]+)""")]
    private static partial Regex ActionLiteral();
}
