using System.Runtime.CompilerServices;
using Dangjian.Data.Accounts;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Commitments;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Reviews;
using Dangjian.Domain.Study;
using Dangjian.Domain.Surveys;
using Dangjian.Domain.Teams;
using Dangjian.Domain.Units;
using Dangjian.Web.Tests.Elections.Rounds;
using Dangjian.Web.Tests.Evaluations;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Accounts.Permissions;

/// <summary>A route value: its text, and the row it names (null for a value that is no row, like an enum name).</summary>
public sealed record RouteValue(string Text, Type? Entity, object? Key, bool Shared = false);

/// <summary>
/// One record of each kind a route can name, in township B (orgadmin.b's), made once per app: what the generated
/// permission test fills route values with. <see cref="Routes"/> is keyed by the literal segment before the parameter and
/// the parameter's name ("meetings/{id}", "items/{itemId}"), or for a module's own kind of a shared name by the module first
/// ("commitments:objections/{objectionId}", tried before "objections/{objectionId}"); a new route the map cannot fill fails the test, naming it.
/// District-wide records (evaluation templates, the calendar) are marked <see cref="RouteValue.Shared"/>: they belong to no township.
/// </summary>
public sealed class ForeignRecords
{
    /// <summary>Names of the records made here: a page or an answer showing one has shown township B to the caller.</summary>
    public const string Tag = "权限测试乙";

    private static readonly ConditionalWeakTable<AppFixture, Task<ForeignRecords>> Made = new();

    private ForeignRecords(Demo.Townships townships, string townshipName, IReadOnlyDictionary<string, RouteValue> routes, int meeting)
    {
        Townships = townships;
        TownshipName = townshipName;
        Routes = routes;
        Meeting = meeting;
    }

    public Demo.Townships Townships { get; }

    public string TownshipName { get; }

    public IReadOnlyDictionary<string, RouteValue> Routes { get; }

    public int Meeting { get; }

    public static Task<ForeignRecords> OfAsync(AppFixture app) => Made.GetValue(app, MakeAsync);

    private static async Task<ForeignRecords> MakeAsync(AppFixture app)
    {
        var t = await app.TownshipsAsync();
        var campaign = await app.DraftAsync(Demo.OrgAdminB);
        var election = await RoundFixtures.ProjectAsync(app, t.BranchOfB, 1, ["甲", "乙"], passed: true, fixedList: false);
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var township = await db.Organizations.FirstAsync(o => o.Id == t.B);
            var team = await db.LeadershipTeams.Where(x => x.OrganizationId == t.BranchOfB).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var teamSeat = await db.TeamPositions.Where(x => x.TeamId == team).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var unit = await db.Units.Where(u => db.Organizations.Any(o => o.Id == u.AreaOrganizationId && o.Path.StartsWith(township.Path))).Select(u => u.Id).FirstAsync();
            var userB = await db.Users.FirstAsync(u => u.UserName == Demo.OrgAdminB);
            var token = new ApiToken { UserId = userB.Id, Name = Tag, TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), CreatedAt = now, CreatedBy = Demo.OrgAdminB };
            db.ApiTokens.Add(token);

            var meeting = new Meeting
            {
                OrganizationId = t.BranchOfB, Type = MeetingType.CommitteeMeeting, Title = Tag + "支委会", Date = OrgToday.Value.AddDays(10),
                Status = MeetingStatus.InProgress, CreatedAt = now,
                Participants = [new MeetingParticipant { PersonId = t.PersonOfB, Entitled = true, Attendance = Attendance.Present }],
                Items = [new AgendaItem { Order = 1, Title = Tag + "议题", Category = ItemCategory.Routine, VoteMode = VoteMode.Open, Status = ItemStatus.Pending }],
            };
            db.Meetings.Add(meeting);

            var survey = new Survey
            {
                OrganizationId = t.BranchOfB, Title = Tag + "问卷", Access = SurveyAccess.AccessCodes, CreatedAt = now,
                Questions = [new SurveyQuestion { Order = 1, Kind = QuestionKind.Text, Text = Tag + "意见" }],
            };
            db.Surveys.Add(survey);

            var objection = new EvaluationObjection { CampaignId = campaign.Id, SubjectId = campaign.Subjects[0].Id, Text = Tag + "异议", FiledAt = now };
            var followUp = new EvaluationFollowUp { CampaignId = campaign.Id, SubjectId = campaign.Subjects[0].Id, Measure = Tag + "整改" };
            db.EvaluationObjections.Add(objection);
            db.EvaluationFollowUps.Add(followUp);

            var nominee = await db.Nominees.Where(n => n.ProjectId == election.ProjectId).OrderBy(n => n.Id).FirstAsync();
            var round = new ElectionRound { ProjectId = election.ProjectId, BodyId = election.BodyId, Title = Tag + "选举", Seats = 1, CandidatesJson = "[]" };
            var talk = new TalkTarget { ProjectId = election.ProjectId, PersonId = t.PersonOfB };
            var check = new ChecklistItem { ProjectId = election.ProjectId, PersonId = t.PersonOfB };
            var report = new ReportCase { ProjectId = election.ProjectId, ReceivedOn = OrgToday.Value, Summary = Tag + "举报" };
            var selection = new PublicSelection { ProjectId = election.ProjectId, Post = Tag + "岗位" };
            db.ElectionRounds.Add(round);
            db.TalkTargets.Add(talk);
            db.ChecklistItems.Add(check);
            db.ReportCases.Add(report);
            db.PublicSelections.Add(selection);
            var candidateQuestion = new CandidateQuestion { ProjectId = election.ProjectId, NomineeId = nominee.Id, Question = Tag + "提问", AskedOn = OrgToday.Value };
            db.CandidateQuestions.Add(candidateQuestion);
            await db.SaveChangesAsync();

            var paper = new PaperBallotEntry { RoundId = round.Id, Teller = 1, Number = 1, Content = "{}", EnteredBy = Demo.OrgAdminB };
            var attachment = new ItemAttachment
            {
                ItemId = meeting.Items[0].Id, FileName = Tag + ".pdf", ContentType = "application/pdf", Size = 1, Sha256 = new string('0', 64),
                Content = [1], UploadedAt = now, UploadedBy = Demo.OrgAdminB,
            };
            db.PaperBallotEntries.Add(paper);
            db.ItemAttachments.Add(attachment);
            await db.SaveChangesAsync();

            var dlm = await db.DemocraticLifeMeetings.Where(m => m.OrganizationId == t.B && m.Problems.Any(p => p.Rectifications.Count > 0))
                .Select(m => new { m.Id, Problem = m.Problems.Where(p => p.Rectifications.Count > 0).Select(p => new { p.Id, Rectification = p.Rectifications.Select(r => r.Id).First() }).First() })
                .FirstAsync();
            var commitments = new CommitmentCampaign { OrganizationId = t.B };
            commitments.Describe(OrgToday.Value.Year, Tag + "公开承诺");
            db.CommitmentCampaigns.Add(commitments);
            await db.SaveChangesAsync();
            var commitment = Commitment.ForMember(commitments, t.PersonOfB,
                new CommitmentContent(Tag + "承诺", Tag + "措施", new DateOnly(OrgToday.Value.Year, 12, 31), Tag), OrgToday.Value);
            db.Commitments.Add(commitment);
            var supervisor = CommitmentSupervisor.Assign(t.B, null, Tag, SupervisorKind.RetiredCadre, OrgToday.Value);
            db.CommitmentSupervisors.Add(supervisor);
            await db.SaveChangesAsync();
            var evidence = new CommitmentEvidenceFile
            {
                CommitmentId = commitment.Id, FileName = Tag + ".txt", ContentType = "text/plain", Size = 1, Sha256 = new string('0', 64),
                Content = [1], UploadedAt = now, UploadedBy = Demo.OrgAdminB,
            };
            db.CommitmentEvidenceFiles.Add(evidence);
            var commitmentObjection = new CommitmentObjection { CampaignId = commitments.Id, CommitmentId = commitment.Id, Text = Tag + "异议", FiledAt = now };
            db.CommitmentObjections.Add(commitmentObjection);
            await db.SaveChangesAsync();

            var review = WorkReview.Create(t.B, null, null, new WorkReviewContent(Tag + "复盘", Tag, null, OrgToday.Value, null, Tag, null, null, null, null, null, null, null, null),
                OrgToday.Value, Demo.OrgAdminB, now);
            db.WorkReviews.Add(review);
            await db.SaveChangesAsync();

            // A self-study record its person entered: it waits for approval, so approving or returning it would change it.
            var studyRecord = Dangjian.Domain.Study.StudyRecord.Enter(t.PersonOfB, t.BranchOfB,
                new Dangjian.Domain.Study.StudyRecordContent(Dangjian.Domain.Study.StudyKind.SelfStudy, Date: OrgToday.Value, Hours: 2, Notes: Tag + "自学"),
                byClerk: false, Dangjian.Domain.Study.StudyCredits.Defaults, Tag, now, OrgToday.Value);
            db.StudyRecords.Add(studyRecord);
            var studyMenu = CourseMenu.Create(t.BranchOfB, 2001);
            var lecture = TheoryLecture.Plan(t.PersonOfB, t.BranchOfB, Tag + "理论课", OrgToday.Value);
            var ranking = StudyRankingRound.Propose(t.BranchOfB, 2001, 1, [new StudyRankingCandidate(t.PersonOfB, Tag, 0, 0)], 0, 0);
            db.CourseMenus.Add(studyMenu);
            db.TheoryLectures.Add(lecture);
            db.StudyRankingRounds.Add(ranking);
            await db.SaveChangesAsync();
            var selectionCase = Dangjian.Domain.Cadres.Selection.SelectionCase.Open(t.BranchOfB, Tag + "职位", 1, Tag + "任职资格", Tag, now);
            db.SelectionCases.Add(selectionCase);
            await db.SaveChangesAsync();

            // A report box case about township B (SUP-1); the case tables are written like any other here.
            var (boxCase, _) = Dangjian.Domain.Supervision.ReportCase.File(
                Dangjian.Domain.Supervision.ReportSubjectKind.Organization, t.B, null, Tag + "举报箱", null, OrgToday.Value);
            db.ReportBoxCases.Add(boxCase);
            await db.SaveChangesAsync();

            // The cadre pools (CAD-1, CAD-2, CAD-6): an entry of each pool with a running posting, a contact point and a rota day of B.
            var reserve = Dangjian.Domain.Cadres.ReserveCadre.Enter(
                t.PersonOfB, t.B, "正科级", Tag + "岗位", Dangjian.Domain.Cadres.ReserveSource.OrganizationRecommendation, new DateOnly(2020, 1, 1), Tag, [], OrgToday.Value);
            reserve.AddPosting(Dangjian.Domain.Cadres.PostingKind.Secondment, Tag + "村", new DateOnly(2020, 2, 1), null);
            var talent = Dangjian.Domain.Cadres.TalentPoolEntry.Enter(t.PersonOfB, t.B,
                new(Dangjian.Domain.Cadres.TalentCategory.Specialist, [Tag], [], Dangjian.Domain.Cadres.TalentAvailability.Available), new DateOnly(2020, 1, 1), Tag, [], OrgToday.Value);
            var contactUnit = await db.Units.Where(u => (u.Kind == UnitKind.Village || u.Kind == UnitKind.Enterprise)
                && db.Organizations.Any(o => o.Id == u.AreaOrganizationId && o.Path.StartsWith(township.Path))).Select(u => new { u.Id, u.Kind }).FirstAsync();
            var contact = Dangjian.Domain.Cadres.ContactPoint.Assign(t.PersonOfB, t.B, contactUnit.Id, contactUnit.Kind, new DateOnly(2020, 1, 1), []);
            var rotaDay = Dangjian.Domain.Cadres.RotaDay.Schedule(t.B, OrgToday.Value.AddDays(30), t.PersonOfB, []);
            db.ReserveCadres.Add(reserve);
            db.TalentPoolEntries.Add(talent);
            db.ContactPoints.Add(contact);
            db.RotaDays.Add(rotaDay);
            await db.SaveChangesAsync();

            // Issue 16 SUP-2, SUP-3, CAD-7: a notice, an audit with a finding, an exit case, a supervisor following a unit, an accountability case.
            var notice = Dangjian.Domain.Supervision.RectificationNotice.Issue(
                t.BranchOfB, Dangjian.Domain.Supervision.NoticeTargetKind.Cadre, t.PersonOfB, Tag + "整改", Tag, OrgToday.Value, Tag, OrgToday.Value, OrgToday.Value);
            var audit = Dangjian.Domain.Supervision.EconomicAudit.Plan(t.PersonOfB, t.BranchOfB, Dangjian.Domain.Supervision.EconomicAuditKind.InTerm, new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31), OrgToday.Value);
            audit.Start(OrgToday.Value, OrgToday.Value);
            audit.AddFinding(Tag + "审计问题");
            var exitCase = Dangjian.Domain.Cadres.ExitCase.Open(t.PersonOfB, t.BranchOfB, Dangjian.Domain.Cadres.ExitKind.Dismissal, Tag, OrgToday.Value, OrgToday.Value);
            var workSupervisor = Dangjian.Domain.Cadres.WorkSupervisor.Appoint(t.PersonOfB, t.B, OrgToday.Value, [], OrgToday.Value);
            workSupervisor.AttachUnit(unit);
            var accountability = Dangjian.Domain.Cadres.AccountabilityCase.Open(t.B, selectionCase.Id, Dangjian.Domain.Cadres.AccountabilityGround.ProcedureNotFollowed, Tag, OrgToday.Value, OrgToday.Value);
            db.RectificationNotices.Add(notice);
            db.EconomicAudits.Add(audit);
            db.ExitCases.Add(exitCase);
            db.WorkSupervisors.Add(workSupervisor);
            db.AccountabilityCases.Add(accountability);
            await db.SaveChangesAsync();

            // Issue 17 ORG-8: a 三服务 need raised by township B's branch to its parent.
            var branchParent = await db.Organizations.Where(o => o.Id == t.BranchOfB).Select(o => o.ParentId).FirstAsync();
            var serviceRequest = Dangjian.Domain.Services.ServiceRequest.Raise(t.BranchOfB, branchParent, Dangjian.Domain.Services.ServiceKind.Funds, Tag + "三服务需求", Tag,
                OrgToday.Value, OrgToday.Value, HolidayCalendar.Shipped, Dangjian.Domain.Services.ServiceLimits.Defaults, Tag, DateTimeOffset.UtcNow);
            db.ServiceRequests.Add(serviceRequest);
            // Issue 17 MTG-11: a talk of B's branch register between two of its people.
            var talkPeople = await db.People.Where(p => p.OrganizationId == t.BranchOfB && !p.IsRemoved).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
            var registerTalk = new Dangjian.Domain.Meetings.Talks.Talk
            {
                OrganizationId = t.BranchOfB, HeldOn = OrgToday.Value, InitiatorId = talkPeople[0], PartnerId = talkPeople[1], Topics = Tag + "谈心", RecordedBy = Demo.OrgAdminB,
            };
            db.Talks.Add(registerTalk);
            var themeCampaign = Dangjian.Domain.ThemeEducation.ThemeCampaign.Create(t.B, Tag + "主题教育", Tag, new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 30));
            db.ThemeCampaigns.Add(themeCampaign);
            await db.SaveChangesAsync();
            var themePhase = themeCampaign.AddPhase(Tag + "学习教育", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
            await db.SaveChangesAsync();
            var themeActivity = themeCampaign.AddActivity(themePhase.Id, Dangjian.Domain.ThemeEducation.RequiredActivityKind.ThemedPartyLecture, Tag + "专题党课",
                new DateOnly(2025, 3, 31), Dangjian.Domain.ThemeEducation.ThemeActivityLevels.All);
            // DEL-1, DEL-2: a congress term of township B with a delegate of B, and a proposal of theirs in handling at B's branch.
            var congress = Dangjian.Domain.Delegates.CongressTerm.Open(t.B, 99, new DateOnly(2024, 1, 1), null);
            db.CongressTerms.Add(congress);
            await db.SaveChangesAsync();
            var delegation = Dangjian.Domain.Delegates.Delegation.Form(congress, Tag + "代表团", t.BranchOfB);
            db.Delegations.Add(delegation);
            await db.SaveChangesAsync();
            var delegateSeat = Dangjian.Domain.Delegates.DelegateSeat.Seat(congress, delegation, t.PersonOfB, null, []);
            db.DelegateSeats.Add(delegateSeat);
            await db.SaveChangesAsync();
            var proposal = Dangjian.Domain.Delegates.Proposal.File(congress, [delegateSeat], t.PersonOfB, [], Tag + "提案", Tag, Tag, OrgToday.Value,
                new Dangjian.Domain.Delegates.ProposalRules(MinimumCoSigners: 0));
            proposal.Register(OrgToday.Value);
            proposal.Assign(t.BranchOfB, OrgToday.Value.AddDays(20), OrgToday.Value);
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            // DEL-3, DEL-4: a regular meeting of B's term, a 述职 at it, and an inquiry filed by B's delegate.
            var delegateActivity = Dangjian.Domain.Delegates.DelegateActivity.Record(congress, Dangjian.Domain.Delegates.DelegateActivityKind.RegularMeeting, OrgToday.Value, Tag, Tag, Tag);
            db.DelegateActivities.Add(delegateActivity);
            await db.SaveChangesAsync();
            var workReport = Dangjian.Domain.Delegates.WorkReport.Record(congress, delegateActivity, null, Tag, Tag, Tag, OrgToday.Value, OrgToday.Value);
            db.DelegateWorkReports.Add(workReport);
            var motion = Dangjian.Domain.Delegates.DelegateMotion.File(congress, [delegateSeat], t.PersonOfB, [], Dangjian.Domain.Delegates.MotionKind.Inquiry,
                Dangjian.Domain.Delegates.MotionTarget.Committee, null, Tag + "质询", Tag, Tag, OrgToday.Value);
            db.DelegateMotions.Add(motion);
            await db.SaveChangesAsync();

            var raisedMatter = new Dangjian.Domain.Meetings.RaisedMatter
            {
                OrganizationId = meeting.OrganizationId, Title = Tag + "提议事项", Reason = Tag, RaisedByPersonId = t.PersonOfB, RaisedOn = OrgToday.Value, SupporterIds = [t.PersonOfB], TeamSize = 3,
            };
            db.RaisedMatters.Add(raisedMatter);
            var consultation = new Dangjian.Domain.Meetings.Consultation
            {
                AgendaItemId = meeting.Items[0].Id, OrganizationId = meeting.OrganizationId, Subject = Tag, OpensOn = OrgToday.Value, WorkingDays = 5, ClosesOn = OrgToday.Value.AddDays(9),
                Comments = [new Dangjian.Domain.Meetings.ConsultationComment { Text = Tag, ReceivedOn = OrgToday.Value }],
            };
            db.Consultations.Add(consultation);
            await db.SaveChangesAsync();

            var awardSelection = Dangjian.Domain.Awards.AwardSelection.Open(t.BranchOfB, OrgToday.Value.Year - 1, Tag + "评先评优", 1, 1, 1);
            awardSelection.Nominate(Dangjian.Domain.Awards.AwardCategory.ExcellentMember, t.PersonOfB, null, Tag, Tag, Tag);
            db.AwardSelections.Add(awardSelection);
            await db.SaveChangesAsync();
            awardSelection.RecordCheck(awardSelection.Nominations.ToDictionary(n => n.Id, _ => (IReadOnlyList<Dangjian.Domain.Awards.AwardRefusal>)[]));
            awardSelection.Decide([awardSelection.Nominations[0].Id]);
            awardSelection.Publicize(OrgToday.Value, OrgToday.Value, new HolidayCalendar([], [], []), Dangjian.Domain.Awards.AwardRules.Default);
            awardSelection.FileObjection(awardSelection.Nominations[0].Id, Tag + "异议", null, OrgToday.Value);
            await db.SaveChangesAsync();

            var template = await db.EvaluationTemplates.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var day = await db.CalendarDays.OrderBy(d => d.Date).FirstAsync();

            RouteValue Row<T>(int id) => new(Text(id), typeof(T), id);
            var routes = new Dictionary<string, RouteValue>(StringComparer.Ordinal)
            {
                ["organizations/{id}"] = Row<Organization>(t.BranchOfB),
                ["awards/{id}"] = Row<Dangjian.Domain.Awards.AwardSelection>(awardSelection.Id),
                ["awards:objections/{objectionId}"] = Row<Dangjian.Domain.Awards.AwardObjection>(awardSelection.Objections[0].Id),
                ["awards:organization/{organizationId}"] = Row<Organization>(t.BranchOfB),
                ["secretaries/{personId}"] = Row<Person>(t.PersonOfB),
                ["theme-education:campaigns/{id}"] = Row<Dangjian.Domain.ThemeEducation.ThemeCampaign>(themeCampaign.Id),
                ["theme-education:phases/{phaseId}"] = Row<Dangjian.Domain.ThemeEducation.ThemePhase>(themePhase.Id),
                ["theme-education:activities/{activityId}"] = Row<Dangjian.Domain.ThemeEducation.RequiredActivity>(themeActivity.Id),
                ["people/{id}"] = Row<Person>(t.PersonOfB),
                ["teams/{id}"] = Row<LeadershipTeam>(team),
                ["units/{id}"] = Row<Unit>(unit),
                ["accounts/{id}"] = new(userB.Id, typeof(AppUser), userB.Id),
                ["tokens/{tokenId}"] = Row<ApiToken>(token.Id),
                ["meetings/{id}"] = Row<Meeting>(meeting.Id),
                ["meetings/{meetingId}"] = Row<Meeting>(meeting.Id),
                ["participants/{personId}"] = Row<Person>(t.PersonOfB),
                ["attendance/{personId}"] = Row<Person>(t.PersonOfB),
                ["person/{personId}"] = Row<Person>(t.PersonOfB),
                ["profiles/{personId}"] = Row<Person>(t.PersonOfB),
                ["items/{itemId}"] = Row<AgendaItem>(meeting.Items[0].Id),
                ["attachments/{attachmentId}"] = Row<ItemAttachment>(attachment.Id),
                ["settings/{organizationId}"] = Row<Organization>(t.BranchOfB),
                ["compliance/{organizationId}"] = Row<Organization>(t.BranchOfB),
                ["democratic-life/{id}"] = Row<DemocraticLifeMeeting>(dlm.Id),
                ["checklist/{item}"] = new(nameof(PreparationItem.People), null, null),
                ["problems/{problemId}"] = Row<DemocraticLifeProblem>(dlm.Problem.Id),
                ["rectifications/{rectificationId}"] = Row<DemocraticLifeRectification>(dlm.Problem.Rectification),
                ["elections/{id}"] = Row<ElectionProject>(election.ProjectId),
                ["elections/{projectId}"] = Row<ElectionProject>(election.ProjectId),
                ["talks/{targetId}"] = Row<TalkTarget>(talk.Id),
                ["checklists/{itemId}"] = Row<ChecklistItem>(check.Id),
                ["nominees/{nomineeId}"] = Row<Nominee>(nominee.Id),
                ["checks/{kind}"] = new(nameof(VettingKind.Petitions), null, null),
                ["bodies/{bodyId}"] = Row<ElectionBody>(election.BodyId),
                ["reports/{reportId}"] = Row<ReportCase>(report.Id),
                ["selections/{selectionId}"] = Row<PublicSelection>(selection.Id),
                ["elections:questions/{questionId}"] = Row<CandidateQuestion>(candidateQuestion.Id),
                ["rounds/{id}"] = Row<ElectionRound>(round.Id),
                ["paper/{entryId}"] = Row<PaperBallotEntry>(paper.Id),
                ["evaluations/{id}"] = Row<EvaluationCampaign>(campaign.Id),
                ["subjects/{subjectId}"] = Row<EvaluationSubject>(campaign.Subjects[0].Id),
                ["groups/{groupId}"] = Row<EvaluationGroup>(campaign.Groups[0].Id),
                ["objections/{objectionId}"] = Row<EvaluationObjection>(objection.Id),
                ["follow-ups/{followUpId}"] = Row<EvaluationFollowUp>(followUp.Id),
                ["surveys/{id}"] = Row<Survey>(survey.Id),
                ["questions/{questionId}"] = Row<SurveyQuestion>(survey.Questions[0].Id),
                ["commitments/{id}"] = Row<CommitmentCampaign>(commitments.Id),
                ["commitments/{campaignId}"] = Row<CommitmentCampaign>(commitments.Id),
                ["items/{commitmentId}"] = Row<Commitment>(commitment.Id),
                ["evidence/{evidenceId}"] = Row<CommitmentEvidenceFile>(evidence.Id),
                ["supervisors/{supervisorId}"] = Row<CommitmentSupervisor>(supervisor.Id),
                ["commitments:objections/{objectionId}"] = Row<CommitmentObjection>(commitmentObjection.Id),
                ["reviews/{id}"] = Row<WorkReview>(review.Id),
                ["records/{id}"] = Row<Dangjian.Domain.Study.StudyRecord>(studyRecord.Id),
                ["study/{id}"] = Row<Dangjian.Domain.Study.StudyRecord>(studyRecord.Id),
                ["menus/{id}"] = Row<CourseMenu>(studyMenu.Id),
                ["lectures/{id}"] = Row<TheoryLecture>(lecture.Id),
                ["rankings/{id}"] = Row<StudyRankingRound>(ranking.Id),
                ["reports/{caseId}"] = new(boxCase.Id.ToString(), typeof(Dangjian.Domain.Supervision.ReportCase), boxCase.Id),
                ["selection/{id}"] = Row<Dangjian.Domain.Cadres.Selection.SelectionCase>(selectionCase.Id),
                ["objections/{number}"] = new("1", null, null),
                ["reserve/{id}"] = Row<Dangjian.Domain.Cadres.ReserveCadre>(reserve.Id),
                ["postings/{postingId}"] = Row<Dangjian.Domain.Cadres.ReservePosting>(reserve.Postings[0].Id),
                ["talent/{id}"] = Row<Dangjian.Domain.Cadres.TalentPoolEntry>(talent.Id),
                ["contact-points/{id}"] = Row<Dangjian.Domain.Cadres.ContactPoint>(contact.Id),
                ["rota/{id}"] = Row<Dangjian.Domain.Cadres.RotaDay>(rotaDay.Id),
                ["notices/{id}"] = Row<Dangjian.Domain.Supervision.RectificationNotice>(notice.Id),
                ["audits/{id}"] = Row<Dangjian.Domain.Supervision.EconomicAudit>(audit.Id),
                ["findings/{findingId}"] = Row<Dangjian.Domain.Supervision.AuditFinding>(audit.Findings[0].Id),
                ["exits/{id}"] = Row<Dangjian.Domain.Cadres.ExitCase>(exitCase.Id),
                ["cadres:supervisors/{id}"] = Row<Dangjian.Domain.Cadres.WorkSupervisor>(workSupervisor.Id),
                ["cadres:units/{unitId}"] = Row<Unit>(unit),
                ["accountability/{id}"] = Row<Dangjian.Domain.Cadres.AccountabilityCase>(accountability.Id),
                ["services:requests/{id}"] = Row<Dangjian.Domain.Services.ServiceRequest>(serviceRequest.Id),
                ["talks/{id}"] = Row<Dangjian.Domain.Meetings.Talks.Talk>(registerTalk.Id),
                ["delegates:terms/{termId}"] = Row<Dangjian.Domain.Delegates.CongressTerm>(congress.Id),
                ["delegates:seats/{seatId}"] = Row<Dangjian.Domain.Delegates.DelegateSeat>(delegateSeat.Id),
                ["teams:seats/{seatId}"] = Row<TeamPosition>(teamSeat),
                ["delegates:proposals/{proposalId}"] = Row<Dangjian.Domain.Delegates.Proposal>(proposal.Id),
                ["delegates:activities/{activityId}"] = Row<Dangjian.Domain.Delegates.DelegateActivity>(delegateActivity.Id),
                ["delegates:motions/{motionId}"] = Row<Dangjian.Domain.Delegates.DelegateMotion>(motion.Id),
                ["delegates:work-reports/{reportId}"] = Row<Dangjian.Domain.Delegates.WorkReport>(workReport.Id),
                ["matters/{matterId}"] = Row<Dangjian.Domain.Meetings.RaisedMatter>(raisedMatter.Id),
                ["consultations/{consultationId}"] = Row<Dangjian.Domain.Meetings.Consultation>(consultation.Id),
                ["comments/{commentId}"] = Row<Dangjian.Domain.Meetings.ConsultationComment>(consultation.Comments[0].Id),
                ["templates/{id}"] = new(Text(template), typeof(EvaluationTemplate), template, Shared: true),
                ["years/{year}"] = new(Text(day.Year), typeof(CalendarYear), day.Year, Shared: true),
                ["days/{date}"] = new(day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), typeof(CalendarDay), day.Id, Shared: true),
            };
            return new ForeignRecords(t, township.Name, routes, meeting.Id);
        });
    }

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
