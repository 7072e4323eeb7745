using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Domain.Teams;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Dangjian.E2E.Pages.Study;
using Dangjian.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dangjian.E2E.Study;

/// <summary>
/// 调阅 and 菜单式培训 in the browser: the township's organization admin records a notes inspection of a new branch's
/// leaders (an unsatisfactory finding without a note is refused under that note, a leader left unticked stays on the "not
/// inspected" list), then ticks attendance on the branch's 2024 menu and sees the seed's statistics move (each attended
/// course now the leader's course record), and marks a 2024 lecture given: refused without its hours, given with them.
/// </summary>
public sealed class StudyTrainingTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task OrgAdmin_RecordsAnInspection_ThenAttendance_StatisticsFollow() => RunAsync(async page =>
    {
        var (township, branch, branchName, leaders, courses, lecture) = await SeedAsync();
        var (l0, l1, l2) = (leaders[0], leaders[1], leaders[2]);

        await new LoginPage(page).SignInAsync(DemoFacts.OrgAdminA);
        var study = new StudyTrainingPages(page, Ui.Zh);
        await study.OpenInspectionsAsync(township);
        foreach (var l in leaders)
        {
            await Expect(study.NotInspected(l.Id)).ToBeVisibleAsync();
        }

        await study.ChooseInspectedAsync(branchName);
        await study.EntryCell(l1.Name, "Col.Satisfactory").ClickAsync();
        await study.EntryCell(l2.Name, "Col.Inspected").ClickAsync();
        await study.SaveInspection.ClickAsync();
        await Expect(study.NoteError(l1.Name)).ToContainTextAsync(Ui.Text<RuleText>("Field.Study.Finding", Ui.Zh));

        await study.EntryCell(l1.Name, "Col.Note").FillAsync("笔记内容过少，请补充");
        await study.SaveInspection.ClickAsync();
        await Expect(study.NotInspected(l0.Id)).ToHaveCountAsync(0);
        await Expect(study.NotInspected(l1.Id)).ToHaveCountAsync(0);
        await Expect(study.NotInspected(l2.Id)).ToBeVisibleAsync();

        // l0 picked all three courses and l1 two; l2 picked none. l0 attends three, l1 one.
        await study.OpenMenusAsync(branch, 2024);
        await Expect(study.BandCount("Never")).ToHaveTextAsync("3");
        foreach (var course in courses)
        {
            await study.Attended(l0.Name, course).ClickAsync();
        }

        await study.Attended(l1.Name, courses[0]).ClickAsync();
        await study.SaveAttendance.ClickAsync();
        await Expect(study.BandCount("ThreeOrMore")).ToHaveTextAsync("1");
        await Expect(study.BandCount("Twice")).ToHaveTextAsync("0");
        await Expect(study.BandCount("Once")).ToHaveTextAsync("1");
        await Expect(study.BandCount("Never")).ToHaveTextAsync("1");
        Assert.Equal(4, await App.WithDbAsync(db => db.CoursePicks.CountAsync(p => p.Attended && leaders.Select(l => l.Id).Contains(p.PersonId))));
        Assert.Equal(4, await App.WithDbAsync(db => db.StudyRecords.CountAsync(r => r.MenuCourseId != null && leaders.Select(l => l.Id).Contains(r.PersonId))));

        // The lecture's record counts its hours, so "given" without them is refused and the lecture stays planned.
        await study.OpenLecturesAsync(branch, 2024);
        await Expect(study.LectureRow(lecture)).ToHaveAttributeAsync("data-status", nameof(TheoryLectureStatus.Planned));
        await study.MarkGiven(l0.Name).ClickAsync();
        await Expect(study.LectureHoursError(l0.Name)).ToContainTextAsync(Ui.Text<RuleText>("Field.Study.Hours", Ui.Zh));
        await Expect(study.LectureRow(lecture)).ToHaveAttributeAsync("data-status", nameof(TheoryLectureStatus.Planned));

        await study.LectureHours(l0.Name).FillAsync("1.5");
        await study.MarkGiven(l0.Name).ClickAsync();
        await Expect(study.LectureRow(lecture)).ToHaveAttributeAsync("data-status", nameof(TheoryLectureStatus.Given));
        Assert.Equal(1.5m, await App.WithDbAsync(db => db.StudyRecords.Where(r => r.TheoryLectureId == lecture).Select(r => r.Hours).SingleAsync()));
    });

    /// <summary>A new branch under township A with three leaders, its 2024 menu of three courses, open, picked from, and the first leader's 2024 lecture, planned.</summary>
    private async Task<(int Township, int Branch, string BranchName, List<(int Id, string Name)> Leaders, string[] Courses, int Lecture)> SeedAsync() =>
        await App.WithDbAsync(async db =>
        {
            var township = await (from r in db.RoleAssignments join u in db.Users on r.UserId equals u.Id where u.UserName == DemoFacts.OrgAdminA select r.OrganizationId).FirstAsync();
            var parent = await db.Organizations.FirstAsync(o => o.Id == township);
            var tag = Guid.NewGuid().ToString("N")[..6]; // lower-case: see WholeFlowTests
            var org = new Organization { Code = "ST" + tag.ToUpperInvariant(), Name = "调阅测试支部" + tag, Kind = OrganizationKind.Branch, ParentId = township, Path = parent.Path };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = OrganizationTree.PathOf(parent.Path, org.Id);
            var people = new[] { "甲", "乙", "丙" }.Select(n => new Person
            {
                Name = "班子" + n + tag, Gender = Gender.Male, Status = MemberStatus.Full, JoinedPartyOn = new DateOnly(2001, 7, 1), OrganizationId = org.Id,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var team = new LeadershipTeam { OrganizationId = org.Id, TermNumber = 1, StartsOn = new DateOnly(2020, 1, 1), EndsOn = new DateOnly(2029, 12, 31) };
            team.Positions.AddRange(people.Select((p, i) => new TeamPosition { PersonId = p.Id, Role = i == 0 ? TeamRole.Secretary : TeamRole.CommitteeMember }));
            db.LeadershipTeams.Add(team);
            var courses = new[] { "依法行政", "城市管理", "招商引资" };
            var menu = CourseMenu.Create(org.Id, 2024);
            foreach (var (title, i) in courses.Select((c, i) => (c, i)))
            {
                menu.AddCourse(title, new DateOnly(2024, 3 + i, 1), 3m);
            }

            menu.Open(CourseMenuRules.Defaults);
            menu.Pick(people[0].Id, [.. menu.Courses.Select(c => c.Id)], CourseMenuRules.Defaults);
            menu.Pick(people[1].Id, [.. menu.Courses.Take(2).Select(c => c.Id)], CourseMenuRules.Defaults);
            db.CourseMenus.Add(menu);
            var lecture = TheoryLecture.Plan(people[0].Id, org.Id, "党史中的优良作风", new DateOnly(2024, 6, 1));
            db.TheoryLectures.Add(lecture);
            await db.SaveChangesAsync();
            return (township, org.Id, org.Name, people.Select(p => (p.Id, p.Name)).ToList(), courses, lecture.Id);
        });
}
