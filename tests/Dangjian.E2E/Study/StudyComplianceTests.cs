using Dangjian.Domain.People;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Study;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Study;

/// <summary>
/// STU-2 and STU-3 in the browser, as the sample branch's secretary: the compliance list kept to shortfalls shows the
/// demo's members who owe a make-up or are suspended, and exports; then a new member's exams go through the person
/// page: a make-up nobody owes is refused; failed, a make-up due; the make-up failed, 停职学习; a passed make-up ends it,
/// and the person's page shows the state.
/// </summary>
public sealed class StudyComplianceTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
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
