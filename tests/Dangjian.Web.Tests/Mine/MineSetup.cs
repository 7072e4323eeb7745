using System.Net;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Meetings.DemocraticLife;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.DemocraticLife;

namespace Dangjian.Web.Tests.Mine;

/// <summary>
/// A branch of a test's own with a member who has an account (<see cref="Client"/>), another member, and what concerns
/// each: last year's democratic life meeting with measures owned by the member, by the other and by a team member;
/// meetings with and without the member; follow-ups of a publicized campaign and of one whose results are not public yet.
/// </summary>
public sealed record MineFixture(
    DlmBranch Branch,
    string UserName,
    HttpClient Client,
    int PersonId,
    string Name,
    int OtherId,
    int DlmMeetingId,
    int MyOverdueMeasure,
    int MyOpenMeasure,
    int OthersMeasure,
    int TeamMembersMeasure,
    int UpcomingMeeting,
    int PastMeeting,
    int OthersMeeting,
    int MyPublicFollowUp,
    int OthersFollowUp,
    int MyUnpublishedFollowUp);

public static class MineSetup
{
    public static DateOnly Today => DlmSetup.Today;

    public static async Task<MineFixture> MineFixtureAsync(this AppFixture app)
    {
        var branch = await app.DlmBranchAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var name = "党员" + Demo.UniqueCode("");
        var (me, other) = await app.WithDbAsync(async db =>
        {
            var people = new[] { name, "党员乙" + Demo.UniqueCode("") }.Select(n => new Person
            {
                Name = n,
                Gender = Gender.Female,
                BirthDate = new DateOnly(1985, 5, 1),
                Status = MemberStatus.Full,
                JoinedPartyOn = new DateOnly(2010, 7, 1),
                OrganizationId = branch.OrgId,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            return (people[0], people[1]);
        });

        var userName = Demo.UniqueCode("me.").ToLowerInvariant();
        var account = await admin.PostJsonAsync("/api/v1/accounts", new CreateAccountRequest(
            userName, "党员", "pw" + Guid.NewGuid().ToString("N")[..12] + "7q", me.Id, [new GrantRequest(AccountRole.Member, branch.OrgId)]));
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);

        // Last year's meeting, held; a problem of a team member whose measures fall to the member, the other and the team member.
        var dlm = (await admin.CreateMeetingAsync(branch, Today.Year - 1)).Meeting;
        dlm = await admin.HoldAsync(dlm);
        dlm = await admin.AddProblemAsync(dlm.Id, branch.Team[1], "支部学习形式单一" + Demo.UniqueCode(""));
        var problem = dlm.Members.SelectMany(m => m.Problems).Single();
        var measures = new (string Text, string Owner, DateOnly Deadline)[]
        {
            ("整理学习资料", name, Today.AddDays(-5)),
            ("参加志愿服务", name, Today.AddDays(20)),
            ("走访困难党员", other.Name, Today.AddDays(-3)),
            ("组织专题学习", branch.Names[1], Today.AddDays(-2)),
        };
        foreach (var (text, owner, deadline) in measures)
        {
            dlm = await admin.AddMeasureAsync(dlm.Id, problem.Id, text, deadline, owner);
        }

        var ids = measures.Select(m => dlm.Measure(m.Text).Id).ToArray();
        var (upcoming, past, others) = await MeetingsAsync(app, branch.OrgId, me.Id, other.Id);
        var (mine, theirs, unpublished) = await FollowUpsAsync(app, branch.OrgId, me, other);
        return new MineFixture(branch, userName, await app.ClientForAsync(userName), me.Id, name, other.Id, dlm.Id, ids[0], ids[1], ids[2], ids[3],
            upcoming, past, others, mine, theirs, unpublished);
    }

    /// <summary>A 党员大会 ahead with both members invited, one ahead with the other alone, and one held with the member present.</summary>
    private static Task<(int Upcoming, int Past, int Others)> MeetingsAsync(AppFixture app, int orgId, int me, int other) =>
        app.WithDbAsync(async db =>
        {
            Meeting Meeting(string title, int days, MeetingStatus status, params MeetingParticipant[] invited)
            {
                var m = new Meeting
                {
                    OrganizationId = orgId,
                    Type = MeetingType.MembersAssembly,
                    Title = title + Demo.UniqueCode(""),
                    Date = Today.AddDays(days),
                    NoticeDate = Today.AddDays(Math.Min(days, 0) - 5),
                    Status = status,
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                m.Participants.AddRange(invited);
                db.Meetings.Add(m);
                return m;
            }

            var upcoming = Meeting("党员大会", 3, MeetingStatus.Notified, new() { PersonId = me, Entitled = true }, new() { PersonId = other, Entitled = true });
            var others = Meeting("另一次党员大会", 6, MeetingStatus.Notified, new MeetingParticipant { PersonId = other, Entitled = true });
            var past = Meeting("上次党员大会", -10, MeetingStatus.Closed, new MeetingParticipant { PersonId = me, Entitled = true, Attendance = Attendance.Present });
            await db.SaveChangesAsync();
            return (upcoming.Id, past.Id, others.Id);
        });

    /// <summary>A publicized 民主评议党员 grading the member 基本合格 and the other 不合格, each with a follow-up; a closed one (results not public) with the member's.</summary>
    private static Task<(int Mine, int Others, int Unpublished)> FollowUpsAsync(AppFixture app, int orgId, Person me, Person other) =>
        app.WithDbAsync(async db =>
        {
            async Task<int[]> CampaignAsync(CampaignStatus status, params (Person Person, string Grade)[] graded)
            {
                var campaign = new EvaluationCampaign
                {
                    OrganizationId = orgId,
                    Title = Demo.UniqueCode("民主评议党员"),
                    Year = Today.Year,
                    Kind = CampaignKind.MemberReview,
                    SubjectKind = SubjectKind.Member,
                    CriteriaJson = CampaignJson.Write(EvaluationCriteria.MemberReview),
                    GradesJson = CampaignJson.Write(GradeRule.MemberReview),
                    ComponentsJson = CampaignJson.Write(ComponentWeights.DemocraticOnly),
                    VetoGrade = "不合格",
                    OpensAt = DateTimeOffset.UtcNow.AddDays(-10),
                    ClosesAt = DateTimeOffset.UtcNow.AddDays(-8),
                    Seed = "seed",
                    Status = status,
                };
                db.EvaluationCampaigns.Add(campaign);
                await db.SaveChangesAsync();
                var subjects = graded.Select((g, i) => new EvaluationSubject { CampaignId = campaign.Id, Name = g.Person.Name, PersonId = g.Person.Id, Order = i }).ToList();
                db.EvaluationSubjects.AddRange(subjects);
                await db.SaveChangesAsync();
                db.EvaluationResults.AddRange(subjects.Select((s, i) => new EvaluationResult { CampaignId = campaign.Id, SubjectId = s.Id, Grade = graded[i].Grade, DetailJson = "{}", Rank = i + 1 }));
                var followUps = subjects.Select(s => new EvaluationFollowUp { CampaignId = campaign.Id, SubjectId = s.Id, Measure = "重新学习党章" + s.Name, Deadline = Today.AddDays(30), Status = FollowUpStatus.Open }).ToList();
                db.EvaluationFollowUps.AddRange(followUps);
                await db.SaveChangesAsync();
                return [.. followUps.Select(f => f.Id)];
            }

            var published = await CampaignAsync(CampaignStatus.Publicized, (me, "基本合格"), (other, "不合格"));
            var closed = await CampaignAsync(CampaignStatus.Closed, (me, "不合格"));
            return (published[0], published[1], closed[0]);
        });
}
