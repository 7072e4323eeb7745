using System.Net;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Study.Compliance;
using Dangjian.Web.Features.Study.Exams;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Study.Exams;

/// <summary>
/// Exams over HTTP on a real database (STU-3, seed 000 一 三 成绩考核): a failed exam makes a make-up due, a failed make-up
/// suspends the person for study (停职学习) until a pass, the history is kept and the state shows in the exam list and
/// the compliance list; a make-up nobody owes is refused naming the field; township B's people are kept from township A.
/// Each test takes its exams in 2024 on a member of its own in the secretary's branch.
/// </summary>
public abstract class StudyExamTests(AppFixture app)
{
    private const string Route = StudyExamEndpoints.Route;

    [Fact]
    public async Task FailMakeUpDue_FailedMakeUpSuspends_APassEndsIt_AndEveryStepIsKept()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var member = await MemberAsync(branch);

        var failed = await RecordAsync(secretary, new(member, new(2024, 1, 10), ExamKind.Regular, 55m, null));
        Assert.Equal((ExamState.MakeUpDue, new DateOnly(2024, 2, 9), (DateOnly?)null), (failed.State, failed.MakeUpDue!.Value, failed.SuspendedSince));
        Assert.True(failed.MakeUpOverdue);
        var due = await (await secretary.GetAsync($"{Route}?organizationId={branch}&state=MakeUpDue&pageSize=200")).ReadAsync<StudyExamListView>();
        Assert.Contains(due.Rows.Items, r => r.PersonId == member && r.MakeUpDue == new DateOnly(2024, 2, 9));

        var suspended = await RecordAsync(secretary, new(member, new(2024, 2, 1), ExamKind.MakeUp, 50m, failed.Version));
        Assert.Equal((ExamState.Suspended, (DateOnly?)new DateOnly(2024, 2, 1), (DateOnly?)null), (suspended.State, suspended.SuspendedSince, suspended.MakeUpDue));
        var list = await (await secretary.GetAsync($"{Route}?organizationId={branch}&state=Suspended&pageSize=200")).ReadAsync<StudyExamListView>();
        Assert.Contains(list.Rows.Items, r => r.PersonId == member && r.SuspendedSince == new DateOnly(2024, 2, 1));
        var compliance = await (await secretary.GetAsync($"{StudyComplianceEndpoints.Route}/person/{member}")).ReadAsync<StudyComplianceRow>();
        Assert.Equal((ExamState.Suspended, true), (compliance.Exam, compliance.Shortfall));

        // A failed regular exam keeps a suspended person suspended, since the day it began; a passed make-up ends it.
        var still = await RecordAsync(secretary, new(member, new(2024, 7, 1), ExamKind.Regular, 58m, suspended.Version));
        Assert.Equal((ExamState.Suspended, (DateOnly?)new DateOnly(2024, 2, 1)), (still.State, still.SuspendedSince));
        var ok = await RecordAsync(secretary, new(member, new(2024, 8, 1), ExamKind.MakeUp, 75m, still.Version));
        Assert.Equal((ExamState.Ok, (DateOnly?)null, (DateOnly?)null), (ok.State, ok.SuspendedSince, ok.MakeUpDue));

        var history = await (await secretary.GetAsync($"{Route}/person/{member}")).ReadAsync<StudyExamHistoryView>();
        Assert.Equal(
            [(ExamKind.Regular, false, ExamState.MakeUpDue), (ExamKind.MakeUp, false, ExamState.Suspended), (ExamKind.Regular, false, ExamState.Suspended), (ExamKind.MakeUp, true, ExamState.Ok)],
            history.Exams.Select(e => (e.Kind, e.Passed, e.StateAfter)));
        Assert.Equal(ExamState.Ok, (await (await secretary.GetAsync($"{StudyComplianceEndpoints.Route}/person/{member}")).ReadAsync<StudyComplianceRow>()).Exam);
    }

    [Fact]
    public async Task MakeUpWhenNoneIsDue_Is400OnKind_AStaleVersion409_AndNothingIsStored()
    {
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var branch = await app.ScopeOrganizationOfAsync(Demo.Secretary);
        var member = await MemberAsync(branch);

        var makeUp = await (await secretary.PostJsonAsync(Route, new RecordStudyExamRequest(member, new(2024, 3, 1), ExamKind.MakeUp, 80m, null))).ProblemErrorsAsync();
        Assert.Equal(["kind"], makeUp.Keys);
        Assert.Contains("补考", makeUp["kind"][0], StringComparison.Ordinal);
        var score = await (await secretary.PostJsonAsync(Route, new RecordStudyExamRequest(member, new(2024, 3, 1), ExamKind.Regular, 100.5m, null))).ProblemErrorsAsync();
        var missing = await (await secretary.PostJsonAsync(Route, new RecordStudyExamRequest(member, null, ExamKind.Regular, null, null))).ProblemErrorsAsync();
        Assert.Equal(["score"], score.Keys);
        Assert.Equal(["date", "score"], missing.Keys.Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.StudyExamHistories.CountAsync(h => h.PersonId == member)));

        var passed = await RecordAsync(secretary, new(member, new(2024, 3, 1), ExamKind.Regular, 60m, null));
        Assert.Equal(ExamState.Ok, passed.State);
        var stale = await secretary.PostJsonAsync(Route, new RecordStudyExamRequest(member, new(2024, 9, 1), ExamKind.Regular, 70m, passed.Version - 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var afterOk = await (await secretary.PostJsonAsync(Route, new RecordStudyExamRequest(member, new(2024, 9, 1), ExamKind.MakeUp, 70m, passed.Version))).ProblemErrorsAsync();
        Assert.Equal(["kind"], afterOk.Keys);
        Assert.Single((await (await secretary.GetAsync($"{Route}/person/{member}")).ReadAsync<StudyExamHistoryView>()).Exams);
    }

    [Fact]
    public async Task TownshipA_IsRefusedTownshipBsExams_AndNothingChanges()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var before = await app.WithDbAsync(db => db.StudyExamResults.CountAsync(e => db.StudyExamHistories.Any(h => h.Id == e.HistoryId && h.PersonId == t.PersonOfB)));

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostJsonAsync(Route, new RecordStudyExamRequest(t.PersonOfB, new(2024, 3, 1), ExamKind.Regular, 40m, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{Route}/person/{t.PersonOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{Route}?organizationId={t.BranchOfB}")).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.StudyExamResults.CountAsync(e => db.StudyExamHistories.Any(h => h.Id == e.HistoryId && h.PersonId == t.PersonOfB))));

        // A member records no exam.
        var member = await app.ClientForAsync(Demo.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostJsonAsync(Route, new RecordStudyExamRequest(t.PersonOfA, new(2024, 3, 1), ExamKind.Regular, 40m, null))).StatusCode);
    }

    private static async Task<StudyExamHistoryView> RecordAsync(HttpClient client, RecordStudyExamRequest request)
    {
        var response = await client.PostJsonAsync(Route, request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<StudyExamHistoryView>();
    }

    private async Task<int> MemberAsync(int branch) => await app.WithDbAsync(async db =>
    {
        var person = new Person
        {
            Name = "考试人" + Demo.UniqueCode(""), Gender = Gender.Male, Status = MemberStatus.Full,
            JoinedPartyOn = new DateOnly(2001, 7, 1), OrganizationId = branch,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });
}

[Collection(SqliteCollection.Name)]
public sealed class StudyExamSqliteTests(SqliteApp app) : StudyExamTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StudyExamPostgresTests(PostgresApp app) : StudyExamTests(app);
