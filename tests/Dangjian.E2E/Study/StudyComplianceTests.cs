using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Study;
using Dangjian.Web.Features.Dues;
using Dangjian.Web.Features.Study.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Study;

/// <summary>
/// STU-2 and STU-3 in the browser, as the sample branch's secretary: the compliance list kept to shortfalls shows the
/// demo's members who owe a make-up or are suspended, and exports; then a new member's exams go through the person
/// page: a make-up nobody owes is refused; failed, a make-up due; the make-up failed, 停职学习; a passed make-up ends it,
/// and the person's page shows the state. The demo member's /me shows the dues they owe and each study requirement
/// (done, missing, pace) as the compliance rule measures it.
/// </summary>
public sealed class StudyComplianceTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Member_OnMe_SeesTheirDuesOwed_AndEachStudyRequirementDoneMissingAndPace() => RunAsync(async page =>
    {
        const string member = "member";
        var dues = await App.AsUserAsync(member, sp => sp.GetRequiredService<DuesQueries>().MineAsync());
        var study = await App.AsUserAsync(member, sp => sp.GetRequiredService<StudyRecordQueries>().MineAsync());
        // The demo leaves the sample member a month owed (DemoDues) and every member has the yearly concentrated-study hours.
        Assert.True(dues.Ledger is { Arrears: > 0 });
        Assert.NotEmpty(study.Requirements);

        await new LoginPage(page).SignInAsync(member);
        await Interactive.GotoAsync(page, "me");
        await Expect(page.Locator("[data-owed]")).ToHaveAttributeAsync("data-owed", YuanText.Format(dues.Ledger!.Arrears), new() { Timeout = 20_000 });
        var rows = new StudyRecordPages(page, Ui.Zh).MyStudy.Locator("[data-section=requirements] tr[data-kind]");
        await Expect(rows).ToHaveCountAsync(study.Requirements.Count);
        for (var i = 0; i < study.Requirements.Count; i++)
        {
            var r = study.Requirements[i];
            await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-progress", r.Progress.ToString());
            await Expect(rows.Nth(i).GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync(Dangjian.Web.Features.Study.Compliance.StudyRequirementsTable.Number(r.Missing));
        }
    });

    [Fact]
    public Task CompliancePage_ShowsTheBranchsShortfalls_AndExportsThem() => RunAsync(async page =>
    {
        var branch = await ScopeOfAsync(DemoFacts.Secretary);
        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        var study = new StudyCompliancePage(page, Ui.Zh);

        await study.OpenShortfallsAsync(branch);

        await Expect(study.Shortfalls.First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-exam=Suspended]").First).ToBeVisibleAsync();
        var download = await study.ExportAsync();
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    });

    [Fact]
    public Task AnExam_FailedThenTheMakeUpFailed_Suspends_AndAPassedMakeUpEndsIt() => RunAsync(async page =>
    {
        var branch = await ScopeOfAsync(DemoFacts.Secretary);
        var personId = await App.WithDbAsync(async db =>
        {
            var person = new Person { Name = "考试" + Guid.NewGuid().ToString("N")[..6], Gender = Gender.Female, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2005, 7, 1), OrganizationId = branch };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        await new LoginPage(page).SignInAsync(DemoFacts.Secretary);
        var study = new StudyCompliancePage(page, Ui.Zh);
        await study.OpenPersonAsync(personId);
        await Expect(study.ExamSection).ToHaveAttributeAsync("data-exam-state", "Ok");

        // A make-up nobody owes is refused, naming the kind.
        await study.RecordExamAsync("2024-01-10", "ExamKind.MakeUp", 80);
        await Expect(study.FormErrors.First).ToBeVisibleAsync();
        await Expect(study.ExamRows).ToHaveCountAsync(0);

        await study.RecordExamAsync("2024-01-10", "ExamKind.Regular", 55);
        await Expect(study.ExamSection).ToHaveAttributeAsync("data-exam-state", "MakeUpDue");
        await study.RecordExamAsync("2024-02-01", "ExamKind.MakeUp", 52);
        await Expect(study.ExamSection).ToHaveAttributeAsync("data-exam-state", "Suspended");
        await study.RecordExamAsync("2024-03-01", "ExamKind.MakeUp", 78);
        await Expect(study.ExamSection).ToHaveAttributeAsync("data-exam-state", "Ok");
        await Expect(study.ExamRows).ToHaveCountAsync(3);

        // The person's own page shows the state too.
        await Interactive.GotoAsync(page, $"people/{BrowserApp.Invariant(personId)}");
        await Expect(page.Locator("[data-exam-state]")).ToHaveAttributeAsync("data-exam-state", "Ok");
    });

    private Task<int> ScopeOfAsync(string userName) =>
        App.WithDbAsync(db => db.RoleAssignments.Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r.OrganizationId, u.UserName })
            .Where(x => x.UserName == userName).Select(x => x.OrganizationId).FirstAsync());
}
