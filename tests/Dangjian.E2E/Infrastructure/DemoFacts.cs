using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.E2E.Infrastructure;

/// <summary>
/// What a page ought to show, learned from the app's own services run as the signed-in account (or from
/// its database), never assumed: the tests share one database and some of them change it.
/// </summary>
public static class DemoFacts
{
    public const string OrgAdminA = "orgadmin.a";
    public const string OrgAdminB = "orgadmin.b";
    public const string Secretary = "secretary";

    /// <summary>The organization tree as the account's tree page loads it (no dissolved organizations).</summary>
    public static Task<IReadOnlyList<OrganizationNode>> TreeOfAsync(this BrowserApp app, string userName) =>
        app.AsUserAsync(userName, sp => sp.GetRequiredService<OrganizationQueries>().TreeAsync(includeDissolved: false));

    /// <summary>The top of an account's tree: its township, for an org admin.</summary>
    public static OrganizationNode Root(this IReadOnlyList<OrganizationNode> tree) =>
        Assert.Single(tree, n => n.ParentId is null || tree.All(p => p.Id != n.ParentId));

    /// <summary>A branch of the tree with people on its roll whose name no other organization's name holds (a search finds it alone).</summary>
    public static OrganizationNode BranchWithPeople(this IReadOnlyList<OrganizationNode> tree, int skip = 0) =>
        tree.Where(n => n.Kind == OrganizationKind.Branch && n.Status == OrganizationStatus.Active && n.PeopleOnRoll > 0)
            .Where(n => tree.Count(o => o.Name.Contains(n.Name, StringComparison.OrdinalIgnoreCase)) == 1)
            .OrderBy(n => n.Id).Skip(skip).First();

    /// <summary>How many people the roster lists for a filter, as the account sees it.</summary>
    public static Task<int> RosterTotalAsync(this BrowserApp app, string userName, RosterFilter filter) =>
        app.AsUserAsync(userName, async sp => (await sp.GetRequiredService<PeopleQueries>().ListAsync(filter, 1, 20)).Total);

    /// <summary>Every roster row for a filter, as the account sees it (and as its export writes them).</summary>
    public static Task<List<PersonRow>> RosterAsync(this BrowserApp app, string userName, RosterFilter filter) =>
        app.AsUserAsync(userName, async sp =>
        {
            var list = new List<PersonRow>();
            await foreach (var row in sp.GetRequiredService<PeopleQueries>().AllAsync(filter))
            {
                list.Add(row);
            }

            return list;
        });

    /// <summary>The people on an organization's own roll, counted in the database.</summary>
    public static Task<int> OnRollAsync(this BrowserApp app, int organizationId) =>
        app.WithDbAsync(db => db.People.CountAsync(p => p.OrganizationId == organizationId && !p.IsRemoved));

    /// <summary>
    /// Valid roster rows for an organization, each with a name starting with a tag of its own (so a name search
    /// finds them all) and a valid ID number no one has; members alternate in sex, the last one probationary.
    /// </summary>
    public static async Task<(string Tag, List<RosterRow> Rows)> NewRosterRowsAsync(this BrowserApp app, OrganizationNode organization, int count)
    {
        var taken = (await app.WithDbAsync(db => db.People.Where(p => p.IdNumber != null).Select(p => p.IdNumber!).ToListAsync())).ToHashSet();
        var random = new Random();
        string tag;
        do
        {
            tag = "试" + new string(Enumerable.Range(0, 4).Select(_ => "甲乙丙丁戊己庚辛壬癸"[random.Next(10)]).ToArray());
        }
        while (await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name.StartsWith(tag))));

        var rows = new List<RosterRow>();
        while (rows.Count < count)
        {
            var gender = rows.Count % 2 == 0 ? Gender.Male : Gender.Female;
            var birth = new DateOnly(1960 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28));
            var id = RosterFile.NewIdNumber(random, birth, gender);
            if (taken.Contains(id) || rows.Any(r => r.IdNumber == id))
            {
                continue;
            }

            var status = rows.Count == count - 1 ? MemberStatus.Probationary : MemberStatus.Full;
            rows.Add(new RosterRow($"{tag}{rows.Count + 1}", gender, id, birth, status, birth.AddYears(25), organization.Code, organization.Name, "13800000000", "测试单位"));
        }

        return (tag, rows);
    }

    /// <summary>A localized enum label (EnumText), as the pages show it.</summary>
    public static string Label<TEnum>(TEnum value, System.Globalization.CultureInfo culture)
        where TEnum : struct, Enum => Ui.Text<EnumText>($"{typeof(TEnum).Name}.{value}", culture);
}
