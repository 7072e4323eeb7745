#if PENDING_PAGES
// Flows of issue 2 whose pages (/organizations, /people, /people/import) were still being built when
// these tests were written. They compile only with PENDING_PAGES defined:
//   dotnet test tests/Dangjian.E2E -p:PendingPages=true
// Once the pages land, adapt the page objects (Pages/TreePage.cs, RosterPage.cs, RosterImportPage.cs)
// to the real markup, then remove the #if. Expected values come from the app's own services run as the
// signed-in account, so the tests check what the user sees against what the app holds.
using System.Text.RegularExpressions;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

public sealed class PendingFlows(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string OrgAdminA = "orgadmin.a";

    [Fact]
    public Task Tree_SearchByName_ShowsTheBranchWithItsCountsAndNothingOutsideScope() => RunAsync(async page =>
    {
        var tree = await TreeOfAsync(OrgAdminA);
        var township = tree.First(n => n.ParentId is null || tree.All(p => p.Id != n.ParentId));
        var branch = tree.Where(n => n.Kind == OrganizationKind.Branch && n.PeopleOnRoll > 0).OrderBy(n => n.Id).First();
        var otherTownship = (await TreeOfAsync("orgadmin.b"))[0];

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var treePage = await new TreePage(page, Ui.Zh).OpenAsync();

        await Expect(treePage.Node(township.Name)).ToBeVisibleAsync();
        await Expect(treePage.Node(township.Name)).ToContainTextAsync(TreePage.CountsText(Ui.Zh, township.PeopleInSubtree, township.PeopleOnRoll));
        await Expect(page.GetByText(otherTownship.Name, new() { Exact = true })).ToHaveCountAsync(0);

        await treePage.SearchAsync(branch.Name);

        await Expect(treePage.Node(branch.Name)).ToBeVisibleAsync();
        await Expect(treePage.Node(branch.Name)).ToContainTextAsync(TreePage.CountsText(Ui.Zh, branch.PeopleInSubtree, branch.PeopleOnRoll));
        var unrelated = tree.First(n => n.Kind == OrganizationKind.Branch && n.Id != branch.Id && !n.Name.Contains(branch.Name, StringComparison.Ordinal));
        await Expect(page.GetByText(unrelated.Name, new() { Exact = true })).ToHaveCountAsync(0);

        await treePage.SearchAsync("没有这个组织" + Guid.NewGuid().ToString("N")[..6]);
        await Expect(treePage.NoMatch).ToBeVisibleAsync();
    });

    [Fact]
    public Task Tree_CreateSubOrganization_ShowsItUnderItsParent() => RunAsync(async page =>
    {
        var tree = await TreeOfAsync(OrgAdminA);
        var branch = tree.Where(n => n.Kind == OrganizationKind.Branch).OrderBy(n => n.Id).Skip(1).First();
        var code = $"{branch.Code}.E{Random.Shared.Next(100_000, 999_999)}";
        var name = $"测试第{Random.Shared.Next(100, 999)}党小组";

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var treePage = await new TreePage(page, Ui.Zh).OpenAsync();
        await treePage.SearchAsync(branch.Name);
        var form = await treePage.NewChildOfAsync(branch.Name);
        await form.Code.FillAsync(code);
        await form.Name.FillAsync(name);
        await form.ChooseKindAsync(Ui.Text<EnumText>("OrganizationKind.PartyGroup", Ui.Zh));
        await form.Save.ClickAsync();

        await Expect(form.Created(name)).ToBeVisibleAsync();
        var saved = await App.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Code == code));
        Assert.Equal(branch.Id, saved.ParentId);
        Assert.Equal(name, saved.Name);

        treePage = await new TreePage(page, Ui.Zh).OpenAsync();
        await treePage.SearchAsync(name);
        await Expect(treePage.Node(name)).ToBeVisibleAsync();
        await Expect(treePage.Node(branch.Name)).ToBeVisibleAsync(); // the path down to it stays visible
    });

    [Fact]
    public Task Import_FileWithBadRow_NamesRowColumnAndReasonAndImportsNothing() => RunAsync(async page =>
    {
        var rows = await NewRowsAsync(3);
        rows[1] = rows[1] with { IdNumber = RosterFile.WithBadChecksum(rows[1].IdNumber) };
        var before = await PeopleCountAsync();

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var import = await new RosterImportPage(page, Ui.Zh).OpenAsync();
        var headers = RosterFile.Headers(await import.DownloadTemplateAsync());
        Assert.Contains(headers, h => h.Contains(Ui.Text<PeopleText>("Col.IdNumber", Ui.Zh), StringComparison.Ordinal));
        await import.UploadAsync("roster-bad.xlsx", RosterFile.Write(headers, rows));

        // Header on row 1, so the second data row is spreadsheet row 3.
        var bad = import.ErrorRows.Filter(new() { HasText = Ui.Text<RuleText>("IdNumber.Checksum", Ui.Zh) });
        await Expect(bad).ToHaveCountAsync(1);
        await Expect(bad).ToContainTextAsync(new Regex(@"(^|\D)3(\D|$)"));
        await Expect(bad).ToContainTextAsync(Ui.Text<PeopleText>("Col.IdNumber", Ui.Zh));
        await Expect(import.ErrorRows).ToHaveCountAsync(1); // the good rows are not reported

        Assert.Equal(before, await PeopleCountAsync());
        var names = rows.Select(r => r.Name).ToList();
        Assert.False(await App.WithDbAsync(db => db.People.AnyAsync(p => names.Contains(p.Name))));
        var roster = await new RosterPage(page, Ui.Zh).OpenAsync();
        await roster.FilterByNameAsync(rows[0].Name);
        await Expect(roster.Rows).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Import_CleanFile_ImportsEveryRowAndTheRosterShowsThem() => RunAsync(async page =>
    {
        var rows = await NewRowsAsync(3);
        var before = await PeopleCountAsync();

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var import = await new RosterImportPage(page, Ui.Zh).OpenAsync();
        var headers = RosterFile.Headers(await import.DownloadTemplateAsync());
        await import.UploadAsync("roster-good.xlsx", RosterFile.Write(headers, rows));

        await Expect(import.Alerts.Filter(new() { HasText = "3" })).ToBeVisibleAsync();
        await Expect(import.ErrorRows).ToHaveCountAsync(0);
        Assert.Equal(before + rows.Count, await PeopleCountAsync());
        var ids = rows.Select(r => r.IdNumber).ToList();
        var saved = await App.WithDbAsync(db => db.People.AsNoTracking().Where(p => ids.Contains(p.IdNumber!)).ToListAsync());
        Assert.Equal(rows.Count, saved.Count);
        Assert.All(rows, r => Assert.Contains(saved, p => p.Name == r.Name && p.Status == r.Status && p.BirthDate == r.BirthDate));

        var roster = await new RosterPage(page, Ui.Zh).OpenAsync();
        await roster.FilterByNameAsync(rows[0].Name);
        await Expect(roster.Rows).ToHaveCountAsync(1);
        await Expect(roster.Rows.First).ToContainTextAsync(rows[0].OrganizationName);
        await Expect(roster.Rows.First).ToContainTextAsync(IdNumber.Mask(rows[0].IdNumber)); // masked for an org admin
    });

    [Fact]
    public Task Roster_Export_DownloadsTheFilteredRosterAsExcel() => RunAsync(async page =>
    {
        const string surname = "王";
        var expected = await App.AsUserAsync(OrgAdminA, async sp =>
        {
            var list = new List<PersonRow>();
            await foreach (var row in sp.GetRequiredService<PeopleQueries>().AllAsync(new RosterFilter(Name: surname)))
            {
                list.Add(row);
            }

            return list;
        });
        Assert.NotEmpty(expected);

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var roster = await new RosterPage(page, Ui.Zh).OpenAsync();
        await roster.FilterByNameAsync(surname);
        await Expect(page.GetByText(new Regex($@"共\s*{expected.Count}\s*条"))).ToBeVisibleAsync();
        var (fileName, content) = await roster.ExportAsync();

        Assert.EndsWith(".xlsx", fileName, StringComparison.Ordinal);
        var sheet = RosterFile.Read(content);
        Assert.Equal(expected.Count, sheet.Count);
        var nameColumn = Ui.Text<PeopleText>("Col.Name", Ui.Zh);
        var idColumn = Ui.Text<PeopleText>("Col.IdNumber", Ui.Zh);
        Assert.All(sheet, r => Assert.Contains(surname, r[nameColumn]?.ToString(), StringComparison.Ordinal));
        Assert.Equal(expected.Select(e => e.Name).Order(StringComparer.Ordinal), sheet.Select(r => r[nameColumn]?.ToString()).Order(StringComparer.Ordinal));
        Assert.All(sheet, r => Assert.Contains("*", r[idColumn]?.ToString(), StringComparison.Ordinal)); // masked for an org admin
    });

    private Task<IReadOnlyList<OrganizationNode>> TreeOfAsync(string userName) =>
        App.AsUserAsync(userName, sp => sp.GetRequiredService<OrganizationQueries>().TreeAsync(includeDissolved: false));

    private Task<int> PeopleCountAsync() => App.WithDbAsync(db => db.People.CountAsync());

    /// <summary>Rows for a branch of township A, with names and ID numbers no one has.</summary>
    private async Task<List<RosterRow>> NewRowsAsync(int count)
    {
        var branch = (await TreeOfAsync(OrgAdminA)).Where(n => n.Kind == OrganizationKind.Branch).OrderBy(n => n.Id).First();
        var taken = await App.WithDbAsync(db => db.People.Where(p => p.IdNumber != null).Select(p => p.IdNumber!).ToListAsync());
        var random = new Random();
        var tag = new string(Enumerable.Range(0, 3).Select(_ => "甲乙丙丁戊己庚辛壬癸"[random.Next(10)]).ToArray());
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

            var status = rows.Count == 2 ? MemberStatus.Probationary : MemberStatus.Full;
            rows.Add(new RosterRow($"试{tag}{rows.Count + 1}", gender, id, birth, status, birth.AddYears(25), branch.Code, branch.Name, "13800000000", "测试单位"));
        }

        return rows;
    }
}
#endif
