using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using RosterPage = Dangjian.E2E.Pages.RosterPage;
using static Dangjian.E2E.Infrastructure.DemoFacts;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E;

public sealed class RosterImportTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Import_FileWithBadRow_NamesRowColumnAndReasonAndImportsNothing() => RunAsync(async page =>
    {
        var branch = (await App.TreeOfAsync(OrgAdminA)).BranchWithPeople();
        var (tag, rows) = await App.NewRosterRowsAsync(branch, 3);
        rows[1] = rows[1] with { IdNumber = RosterFile.WithBadChecksum(rows[1].IdNumber) };
        var filter = new RosterFilter(branch.Id, Subtree: false);
        var before = await App.RosterTotalAsync(OrgAdminA, filter);
        Assert.Equal(before, await App.OnRollAsync(branch.Id));

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var import = await new RosterImportPage(page, Ui.Zh).OpenAsync();
        var headers = RosterFile.Headers(await import.DownloadTemplateAsync());
        var idHeader = Ui.Text<PeopleText>("Col.IdNumber", Ui.Zh);
        Assert.Contains(idHeader, headers);
        await import.UploadAsync("roster-bad.xlsx", RosterFile.Write(headers, rows));

        // Header on row 1, so the second data row is spreadsheet row 3; only it is reported.
        await Expect(import.Rejected(1)).ToBeVisibleAsync();
        await Expect(import.ErrorRows).ToHaveCountAsync(1);
        await Expect(import.ErrorRows.First.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["3", idHeader, Ui.Text<RuleText>("IdNumber.Checksum", Ui.Zh)]);
        await Expect(import.Done(rows.Count)).ToHaveCountAsync(0);

        // Nothing imported: not the good rows either.
        Assert.Equal(before, await App.OnRollAsync(branch.Id));
        Assert.False(await App.WithDbAsync(db => db.People.AnyAsync(p => p.Name.StartsWith(tag))));
        var roster = await new RosterPage(page, Ui.Zh).OpenAsync($"?organizationId={branch.Id}&subtree=false");
        await Expect(roster.Total(before)).ToBeVisibleAsync();
        await roster.FilterByNameAsync(tag);
        await Expect(roster.NoneFound).ToBeVisibleAsync();
        await Expect(roster.Rows).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Import_CleanFile_ImportsEveryRowAndTheRosterShowsThem() => RunAsync(async page =>
    {
        var branch = (await App.TreeOfAsync(OrgAdminA)).BranchWithPeople(skip: 1);
        var (tag, rows) = await App.NewRosterRowsAsync(branch, 3);
        var filter = new RosterFilter(branch.Id, Subtree: false);
        var before = await App.RosterTotalAsync(OrgAdminA, filter);

        await new LoginPage(page).SignInAsync(OrgAdminA);
        var import = await new RosterImportPage(page, Ui.Zh).OpenAsync();
        var headers = RosterFile.Headers(await import.DownloadTemplateAsync());
        await import.UploadAsync("roster-good.xlsx", RosterFile.Write(headers, rows));

        await Expect(import.Done(rows.Count)).ToBeVisibleAsync();
        await Expect(import.ErrorTable).ToHaveCountAsync(0);
        Assert.Equal(before + rows.Count, await App.OnRollAsync(branch.Id));
        var ids = rows.Select(r => r.IdNumber).ToList();
        var saved = await App.WithDbAsync(db => db.People.AsNoTracking().Where(p => ids.Contains(p.IdNumber!)).ToListAsync());
        Assert.Equal(rows.Count, saved.Count);
        Assert.All(rows, r => Assert.Contains(saved, p =>
            p.Name == r.Name && p.Status == r.Status && p.Gender == r.Gender && p.BirthDate == r.BirthDate && p.JoinedPartyOn == r.JoinedPartyOn && p.OrganizationId == branch.Id));

        // From the message to the roster; a name search shows the new people, ID numbers masked for an org admin.
        await import.ViewRoster.ClickAsync();
        var roster = new RosterPage(page, Ui.Zh);
        await Expect(roster.Title).ToBeVisibleAsync();
        await roster.FilterByNameAsync(tag);
        await Expect(roster.Rows).ToHaveCountAsync(rows.Count);
        foreach (var r in rows)
        {
            var row = roster.Row(r.Name);
            await Expect(row).ToContainTextAsync(branch.Name);
            await Expect(row).ToContainTextAsync(IdNumber.Mask(r.IdNumber));
            await Expect(row).ToContainTextAsync(Label(r.Status, Ui.Zh));
        }

        roster = await new RosterPage(page, Ui.Zh).OpenAsync($"?organizationId={branch.Id}&subtree=false");
        await Expect(roster.Total(before + rows.Count)).ToBeVisibleAsync();
    });
}
