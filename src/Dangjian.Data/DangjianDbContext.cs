using Dangjian.Data.Accounts;
using Dangjian.Data.Audit;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Audit;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Data.People;
using Dangjian.Domain.People;
using Dangjian.Domain.Secrecy;
using Dangjian.Domain.Teams;
using Dangjian.Domain.Units;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Dangjian.Data;

/// <summary>
/// The one database context (DESIGN.md "Layout": provider-neutral; migrations per provider live in
/// their own projects). Every save appends the changes it makes to the hash-chained audit log, in the
/// same transaction, so a change and its audit entry are committed together or not at all (ORG-7).
/// </summary>
public sealed class DangjianDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly List<AuditEntry> _pendingEvents = [];
    private IAuditActor _actor;
    private TimeProvider _time;

    /// <summary>
    /// The one constructor, as a context pool requires: the system acts until <see cref="Lease"/> names who does
    /// (<see cref="Create"/> does both for a context made by hand).
    /// </summary>
    public DangjianDbContext(DbContextOptions<DangjianDbContext> options)
        : base(options)
    {
        _actor = FixedAuditActor.System;
        _time = TimeProvider.System;
    }

    /// <summary>A context outside the app's pool (the command line, tests) acting as <paramref name="actor"/>.</summary>
    public static DangjianDbContext Create(DbContextOptions<DangjianDbContext> options, IAuditActor actor)
    {
        var db = new DangjianDbContext(options);
        db.Lease(actor, TimeProvider.System);
        return db;
    }

    /// <summary>
    /// Hands a pooled context to a new request or circuit: who acts and by which clock, and nothing left of the one before
    /// (EF's pool clears the change tracker; this clears what the context keeps itself). Every lease goes through it
    /// (HostSetup), so an audit entry can never carry the previous holder's name.
    /// </summary>
    public void Lease(IAuditActor actor, TimeProvider time)
    {
        _actor = actor ?? throw new ArgumentNullException(nameof(actor));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _pendingEvents.Clear();
        AuditAction = null;
    }

    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>
    /// ASP.NET Core's data protection keys (they sign the sign-in cookie and antiforgery tokens), kept in the database so
    /// that every app instance over it accepts what another issued (DESIGN.md "More than one machine"). Key material:
    /// never audited (<see cref="IsAuditedType"/>).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<RosterCount> RosterCounts => Set<RosterCount>();

    public DbSet<PersonNameChar> PersonNameChars => Set<PersonNameChar>();

    public DbSet<LeadershipTeam> LeadershipTeams => Set<LeadershipTeam>();

    public DbSet<TeamPosition> TeamPositions => Set<TeamPosition>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ElectionProject> ElectionProjects => Set<ElectionProject>();

    public DbSet<ElectionBody> ElectionBodies => Set<ElectionBody>();

    public DbSet<ResearchRecord> ResearchRecords => Set<ResearchRecord>();

    public DbSet<TalkTarget> TalkTargets => Set<TalkTarget>();

    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();

    public DbSet<Nominee> Nominees => Set<Nominee>();

    public DbSet<VettingCheck> VettingChecks => Set<VettingCheck>();

    public DbSet<ReportCase> ReportCases => Set<ReportCase>();

    public DbSet<CandidateQuestion> CandidateQuestions => Set<CandidateQuestion>();

    public DbSet<PublicSelection> PublicSelections => Set<PublicSelection>();

    public DbSet<SelectionStageRecord> SelectionStageRecords => Set<SelectionStageRecord>();

    public DbSet<ElectionRound> ElectionRounds => Set<ElectionRound>();

    public DbSet<PaperBallotEntry> PaperBallotEntries => Set<PaperBallotEntry>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<ItemSpeech> ItemSpeeches => Set<ItemSpeech>();

    public DbSet<ItemVote> ItemVotes => Set<ItemVote>();

    public DbSet<MeetingMinutes> MeetingMinutes => Set<MeetingMinutes>();

    public DbSet<ItemAttachment> ItemAttachments => Set<ItemAttachment>();

    public DbSet<MeetingSettings> MeetingSettings => Set<MeetingSettings>();

    /// <summary>Secret-ballot boxes (DESIGN.md "Secrecy"); never audited row by row, see <see cref="IsAudited"/>.</summary>
    public DbSet<BallotBox> BallotBoxes => Set<BallotBox>();

    public DbSet<UnusedAccessCode> UnusedAccessCodes => Set<UnusedAccessCode>();

    public DbSet<SpentAccessCode> SpentAccessCodes => Set<SpentAccessCode>();

    public DbSet<SecretBallot> SecretBallots => Set<SecretBallot>();

    public DbSet<Dangjian.Domain.Calendar.CalendarYear> CalendarYears => Set<Dangjian.Domain.Calendar.CalendarYear>();

    public DbSet<Dangjian.Domain.Calendar.CalendarDay> CalendarDays => Set<Dangjian.Domain.Calendar.CalendarDay>();

    public DbSet<Domain.Meetings.DemocraticLifeMeeting> DemocraticLifeMeetings => Set<Domain.Meetings.DemocraticLifeMeeting>();

    /// <summary>Anonymous opinions (DLM-1): never audited row by row, see <see cref="IsAudited"/>.</summary>
    public DbSet<Domain.Meetings.DemocraticLifeOpinion> DemocraticLifeOpinions => Set<Domain.Meetings.DemocraticLifeOpinion>();

    public DbSet<Domain.Meetings.DemocraticLifeProblem> DemocraticLifeProblems => Set<Domain.Meetings.DemocraticLifeProblem>();

    public DbSet<Domain.Meetings.DemocraticLifeRectification> DemocraticLifeRectifications => Set<Domain.Meetings.DemocraticLifeRectification>();

    public DbSet<Domain.Evaluations.EvaluationTemplate> EvaluationTemplates => Set<Domain.Evaluations.EvaluationTemplate>();

    public DbSet<Domain.Evaluations.EvaluationCampaign> EvaluationCampaigns => Set<Domain.Evaluations.EvaluationCampaign>();

    public DbSet<Domain.Evaluations.EvaluationGroup> EvaluationGroups => Set<Domain.Evaluations.EvaluationGroup>();

    public DbSet<Domain.Evaluations.EvaluatorSample> EvaluatorSamples => Set<Domain.Evaluations.EvaluatorSample>();

    public DbSet<Domain.Evaluations.EvaluationSubject> EvaluationSubjects => Set<Domain.Evaluations.EvaluationSubject>();

    public DbSet<Domain.Evaluations.EvaluationResult> EvaluationResults => Set<Domain.Evaluations.EvaluationResult>();

    public DbSet<Domain.Evaluations.EvaluationObjection> EvaluationObjections => Set<Domain.Evaluations.EvaluationObjection>();

    public DbSet<Domain.Evaluations.EvaluationFollowUp> EvaluationFollowUps => Set<Domain.Evaluations.EvaluationFollowUp>();
    /// <summary>Surveys (SRV-1 … SRV-3); their responses are secret ballots in the box "Survey/{id}".</summary>
    public DbSet<Domain.Surveys.Survey> Surveys => Set<Domain.Surveys.Survey>();

    public DbSet<Domain.Surveys.SurveyQuestion> SurveyQuestions => Set<Domain.Surveys.SurveyQuestion>();

    public DbSet<Domain.Commitments.CommitmentCampaign> CommitmentCampaigns => Set<Domain.Commitments.CommitmentCampaign>();

    public DbSet<Domain.Commitments.Commitment> Commitments => Set<Domain.Commitments.Commitment>();

    public DbSet<Domain.Commitments.CommitmentDecision> CommitmentDecisions => Set<Domain.Commitments.CommitmentDecision>();

    public DbSet<Domain.Commitments.FulfilmentRecord> FulfilmentRecords => Set<Domain.Commitments.FulfilmentRecord>();

    public DbSet<Domain.Commitments.SupervisorComment> SupervisorComments => Set<Domain.Commitments.SupervisorComment>();

    public DbSet<Domain.Commitments.CommitmentEvaluation> CommitmentEvaluations => Set<Domain.Commitments.CommitmentEvaluation>();

    /// <summary>Collected opinions (CMT-1), some anonymous: never audited row by row, see <see cref="IsAudited"/>.</summary>
    public DbSet<Domain.Commitments.CommitmentOpinion> CommitmentOpinions => Set<Domain.Commitments.CommitmentOpinion>();

    public DbSet<Domain.Commitments.CommitmentSupervisor> CommitmentSupervisors => Set<Domain.Commitments.CommitmentSupervisor>();

    public DbSet<Domain.Commitments.CommitmentEvidenceFile> CommitmentEvidenceFiles => Set<Domain.Commitments.CommitmentEvidenceFile>();

    public DbSet<Domain.Commitments.CommitmentFiling> CommitmentFilings => Set<Domain.Commitments.CommitmentFiling>();

    public DbSet<Domain.Commitments.CommitmentObjection> CommitmentObjections => Set<Domain.Commitments.CommitmentObjection>();

    public DbSet<Domain.Commitments.CommitmentSelfReport> CommitmentSelfReports => Set<Domain.Commitments.CommitmentSelfReport>();

    /// <summary>Work reviews (复盘, REV-1).</summary>
    public DbSet<Domain.Reviews.WorkReview> WorkReviews => Set<Domain.Reviews.WorkReview>();

    /// <summary>Members' dues categories and bases with their history (DUE-1).</summary>
    public DbSet<Domain.Dues.DuesProfile> DuesProfiles => Set<Domain.Dues.DuesProfile>();

    /// <summary>Dues paid or excused by the month (DUE-2).</summary>
    public DbSet<Domain.Dues.DuesPaymentRecord> DuesPayments => Set<Domain.Dues.DuesPaymentRecord>();

    /// <summary>专项经费 received and spent (DUE-3).</summary>
    public DbSet<Domain.Dues.ActivityFundEntry> ActivityFunds => Set<Domain.Dues.ActivityFundEntry>();

    /// <summary>Study records (学习记录, STU-1): party school, central group, self-study, training, courses, lectures given.</summary>
    public DbSet<Domain.Study.StudyRecord> StudyRecords => Set<Domain.Study.StudyRecord>();

    /// <summary>Each person's closed-book exams (STU-3), the whole history kept.</summary>
    public DbSet<Domain.Study.StudyExamHistory> StudyExamHistories => Set<Domain.Study.StudyExamHistory>();

    public DbSet<Domain.Study.StudyExamResult> StudyExamResults => Set<Domain.Study.StudyExamResult>();

    /// <summary>调阅 of study notes and reflections by the superior organization (STU-4).</summary>
    public DbSet<Domain.Study.StudyInspection> StudyInspections => Set<Domain.Study.StudyInspection>();

    public DbSet<Domain.Study.StudyInspectionFinding> StudyInspectionFindings => Set<Domain.Study.StudyInspectionFinding>();

    /// <summary>菜单式培训: the annual course menus, their courses and the leaders' picks (STU-6).</summary>
    public DbSet<Domain.Study.CourseMenu> CourseMenus => Set<Domain.Study.CourseMenu>();

    public DbSet<Domain.Study.MenuCourse> MenuCourses => Set<Domain.Study.MenuCourse>();

    public DbSet<Domain.Study.CoursePick> CoursePicks => Set<Domain.Study.CoursePick>();

    /// <summary>Cadres' annual theory lectures (理论课, STU-7).</summary>
    public DbSet<Domain.Study.TheoryLecture> TheoryLectures => Set<Domain.Study.TheoryLecture>();

    /// <summary>Half-yearly 自学标兵 and 后进 rounds and their lines (STU-5).</summary>
    public DbSet<Domain.Study.StudyRankingRound> StudyRankingRounds => Set<Domain.Study.StudyRankingRound>();

    public DbSet<Domain.Study.StudyRankingLine> StudyRankingLines => Set<Domain.Study.StudyRankingLine>();

    /// <summary>三务公开 items (SUP-4): what each organization posted on its public board and the day it did.</summary>
    public DbSet<Domain.Supervision.Disclosure> Disclosures => Set<Domain.Supervision.Disclosure>();

    /// <summary>三服务 service requests (ORG-8): needs raised to the level above, taken up, answered and closed.</summary>
    public DbSet<Domain.Services.ServiceRequest> ServiceRequests => Set<Domain.Services.ServiceRequest>();

    /// <summary>举报 cases of the report box (SUP-1): never audited row by row, see <see cref="IsAudited"/>.</summary>
    public DbSet<Domain.Supervision.ReportCase> ReportBoxCases => Set<Domain.Supervision.ReportCase>();

    /// <summary>Answers to reporters (SUP-1): never audited row by row, see <see cref="IsAudited"/>.</summary>
    public DbSet<Domain.Supervision.ReportAnswer> ReportBoxAnswers => Set<Domain.Supervision.ReportAnswer>();
    /// <summary>Selection cases (选任写实, CAD-3 … CAD-5) and their append-only trace, shortlist, inspection team and objections.</summary>
    public DbSet<Domain.Cadres.Selection.SelectionCase> SelectionCases => Set<Domain.Cadres.Selection.SelectionCase>();

    public DbSet<Domain.Cadres.Selection.SelectionTraceEntry> SelectionTraceEntries => Set<Domain.Cadres.Selection.SelectionTraceEntry>();

    public DbSet<Domain.Cadres.Selection.SelectionCandidate> SelectionCandidates => Set<Domain.Cadres.Selection.SelectionCandidate>();

    public DbSet<Domain.Cadres.Selection.InspectionTeamMember> InspectionTeamMembers => Set<Domain.Cadres.Selection.InspectionTeamMember>();

    /// <summary>Publicity objections (CAD-5), some anonymous: never audited row by row, see <see cref="IsAudited"/>.</summary>
    public DbSet<Domain.Cadres.Selection.PublicityObjection> PublicityObjections => Set<Domain.Cadres.Selection.PublicityObjection>();

    /// <summary>考察资格认证 certificates (CAD-4).</summary>
    public DbSet<Domain.Cadres.Selection.InspectionQualification> InspectionQualifications => Set<Domain.Cadres.Selection.InspectionQualification>();
    /// <summary>The reserve cadre pool (CAD-1), its postings and yearly results; the talent pool (CAD-2), its own table.</summary>
    public DbSet<Domain.Cadres.ReserveCadre> ReserveCadres => Set<Domain.Cadres.ReserveCadre>();

    public DbSet<Domain.Cadres.ReservePosting> ReservePostings => Set<Domain.Cadres.ReservePosting>();

    public DbSet<Domain.Cadres.ReserveAssessment> ReserveAssessments => Set<Domain.Cadres.ReserveAssessment>();

    public DbSet<Domain.Cadres.TalentPoolEntry> TalentPoolEntries => Set<Domain.Cadres.TalentPoolEntry>();

    /// <summary>Grassroots time (CAD-6): stays, nights, spot checks, contact points, the petition rota and its cases.</summary>
    public DbSet<Domain.Cadres.GrassrootsStay> GrassrootsStays => Set<Domain.Cadres.GrassrootsStay>();

    public DbSet<Domain.Cadres.NightStay> NightStays => Set<Domain.Cadres.NightStay>();

    public DbSet<Domain.Cadres.NightSpotCheck> NightSpotChecks => Set<Domain.Cadres.NightSpotCheck>();

    public DbSet<Domain.Cadres.ContactPoint> ContactPoints => Set<Domain.Cadres.ContactPoint>();

    public DbSet<Domain.Cadres.RotaDay> RotaDays => Set<Domain.Cadres.RotaDay>();

    public DbSet<Domain.Cadres.PetitionCase> PetitionCases => Set<Domain.Cadres.PetitionCase>();
    /// <summary>预警 / 整改通知 (SUP-2): a notice to a team or a cadre, its response, verification and closure.</summary>
    public DbSet<Domain.Supervision.RectificationNotice> RectificationNotices => Set<Domain.Supervision.RectificationNotice>();

    /// <summary>经济责任审计 (SUP-3) and the problems each found.</summary>
    public DbSet<Domain.Supervision.EconomicAudit> EconomicAudits => Set<Domain.Supervision.EconomicAudit>();

    public DbSet<Domain.Supervision.AuditFinding> AuditFindings => Set<Domain.Supervision.AuditFinding>();

    /// <summary>引咎辞职 / 责令辞职 / 免职 cases (CAD-7).</summary>
    public DbSet<Domain.Cadres.ExitCase> ExitCases => Set<Domain.Cadres.ExitCase>();

    /// <summary>干部工作监督员 (CAD-7), the units they follow and their periodic reports.</summary>
    public DbSet<Domain.Cadres.WorkSupervisor> WorkSupervisors => Set<Domain.Cadres.WorkSupervisor>();

    public DbSet<Domain.Cadres.SupervisorUnit> SupervisorUnits => Set<Domain.Cadres.SupervisorUnit>();

    public DbSet<Domain.Cadres.SupervisorReport> SupervisorReports => Set<Domain.Cadres.SupervisorReport>();

    /// <summary>用人失察失误责任追究 (CAD-7), linked to the selection case by its id.</summary>
    public DbSet<Domain.Cadres.AccountabilityCase> AccountabilityCases => Set<Domain.Cadres.AccountabilityCase>();

    /// <summary>谈心谈话 of the standing talk register (MTG-11), outside elections.</summary>
    public DbSet<Domain.Meetings.Talks.Talk> Talks => Set<Domain.Meetings.Talks.Talk>();
    /// <summary>Theme education campaigns (主题教育, MTG-13), their phases and required activities, and the organizations' reports.</summary>
    public DbSet<Domain.ThemeEducation.ThemeCampaign> ThemeCampaigns => Set<Domain.ThemeEducation.ThemeCampaign>();

    public DbSet<Domain.ThemeEducation.ThemePhase> ThemePhases => Set<Domain.ThemeEducation.ThemePhase>();

    public DbSet<Domain.ThemeEducation.RequiredActivity> ThemeRequiredActivities => Set<Domain.ThemeEducation.RequiredActivity>();

    public DbSet<Domain.ThemeEducation.ActivityReport> ThemeActivityReports => Set<Domain.ThemeEducation.ActivityReport>();
    /// <summary>党代会届次, 代表团 and delegates' seats (DEL-1).</summary>
    public DbSet<Domain.Delegates.CongressTerm> CongressTerms => Set<Domain.Delegates.CongressTerm>();

    public DbSet<Domain.Delegates.Delegation> Delegations => Set<Domain.Delegates.Delegation>();

    public DbSet<Domain.Delegates.DelegateSeat> DelegateSeats => Set<Domain.Delegates.DelegateSeat>();

    /// <summary>提案 (DEL-2) with their proposers, answers and ratings.</summary>
    public DbSet<Domain.Delegates.Proposal> Proposals => Set<Domain.Delegates.Proposal>();

    public DbSet<Domain.Delegates.ProposalProposer> ProposalProposers => Set<Domain.Delegates.ProposalProposer>();

    public DbSet<Domain.Delegates.ProposalAnswer> ProposalAnswers => Set<Domain.Delegates.ProposalAnswer>();

    public DbSet<Domain.Delegates.ProposalRatingEntry> ProposalRatings => Set<Domain.Delegates.ProposalRatingEntry>();

    /// <summary>例会、视察、情况通报 (DEL-3) with their attendance.</summary>
    public DbSet<Domain.Delegates.DelegateActivity> DelegateActivities => Set<Domain.Delegates.DelegateActivity>();

    public DbSet<Domain.Delegates.ActivityAttendance> DelegateActivityAttendance => Set<Domain.Delegates.ActivityAttendance>();

    /// <summary>质询 and 罢免 (DEL-4) with their signers, and 述职.</summary>
    public DbSet<Domain.Delegates.DelegateMotion> DelegateMotions => Set<Domain.Delegates.DelegateMotion>();

    public DbSet<Domain.Delegates.MotionSigner> DelegateMotionSigners => Set<Domain.Delegates.MotionSigner>();

    public DbSet<Domain.Delegates.WorkReport> DelegateWorkReports => Set<Domain.Delegates.WorkReport>();
    /// <summary>提议上会事项 (MTG-4) raised by team members.</summary>
    public DbSet<RaisedMatter> RaisedMatters => Set<RaisedMatter>();

    /// <summary>重大决策征求意见 (MTG-12) on major agenda items, with public comments and expert opinions.</summary>
    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<ConsultationComment> ConsultationComments => Set<ConsultationComment>();

    public DbSet<ExpertOpinion> ExpertOpinions => Set<ExpertOpinion>();
    /// <summary>评先评优 selections (EVA-11) with their nominations and objections, and the awards made.</summary>
    public DbSet<Domain.Awards.AwardSelection> AwardSelections => Set<Domain.Awards.AwardSelection>();

    public DbSet<Domain.Awards.Nomination> AwardNominations => Set<Domain.Awards.Nomination>();

    /// <summary>Objections to the chosen, some anonymous from the public page: those are not audited as they come, see <see cref="IsAudited"/>.</summary>
    public DbSet<Domain.Awards.AwardObjection> AwardObjections => Set<Domain.Awards.AwardObjection>();

    public DbSet<Domain.Awards.AwardRecord> AwardRecords => Set<Domain.Awards.AwardRecord>();

    /// <summary>Reminders waiting to go out, sent or given up (the outbox), and each person's channels.</summary>
    public DbSet<Domain.Reminders.OutboxMessage> OutboxMessages => Set<Domain.Reminders.OutboxMessage>();

    public DbSet<Domain.Reminders.ReminderPreference> ReminderPreferences => Set<Domain.Reminders.ReminderPreference>();

    /// <summary>
    /// Names the action of the next save's updates ("Organization.Moved"); plain "Updated" otherwise.
    /// Cleared after the save.
    /// </summary>
    public string? AuditAction { get; set; }

    /// <summary>Queues an entry that is not a row change (a sign-in, an import summary) for the next save.</summary>
    public void AddAuditEvent(string action, string entityType, string entityId, object? details)
    {
        _pendingEvents.Add(new AuditEntry
        {
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            After = details is null ? null : AuditSnapshot.Serialize(details),
        });
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DangjianDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: a row read by a person or another tool says "Full", not "0".
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .Select(e => new Change(e, e.State, e.State == EntityState.Added ? null : AuditSnapshot.Of(e, original: true), KeyOf(e)))
            .ToList();
        foreach (var c in changes)
        {
            if (c.State == EntityState.Modified && c.Entry.Entity is IVersioned v)
            {
                v.Version = (int)c.Entry.OriginalValues[nameof(IVersioned.Version)]! + 1;
            }
        }

        if (changes.Count == 0 && _pendingEvents.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await LockAuditChainAsync(cancellationToken);
            // First the rows, so generated keys are known; then their audit entries, in the same transaction.
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            var entries = changes.Select(ToAuditEntry).Concat(_pendingEvents).ToList();
            await AppendAsync(entries, cancellationToken);
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            _pendingEvents.Clear();
            AuditAction = null;
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// For a bulk write on SQLite: the connection's page cache raised to <paramref name="mebibytes"/> until the result is
    /// disposed, then set back (the connection goes back to the pool). A million rows land in indexes far larger than the
    /// default 2 MB cache, which otherwise spills pages to the write-ahead log and reads them back. Nothing on PostgreSQL,
    /// whose cache is the server's.
    /// </summary>
    public async Task<IAsyncDisposable> LargerPageCacheAsync(int mebibytes, CancellationToken ct)
    {
        if (!Database.IsSqlite())
        {
            return NoCacheChange.Instance;
        }

        var connection = Database.GetDbConnection();
        await Database.OpenConnectionAsync(ct);
        await using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA cache_size";
        var before = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        await SetCacheAsync(connection, -1024L * mebibytes, ct);
        return new CacheRestore(this, connection, before);
    }

    private static async Task SetCacheAsync(System.Data.Common.DbConnection connection, long size, CancellationToken ct)
    {
        await using var set = connection.CreateCommand();
        set.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}");
        await set.ExecuteNonQueryAsync(ct);
    }

    private sealed class NoCacheChange : IAsyncDisposable
    {
        public static readonly NoCacheChange Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class CacheRestore(DangjianDbContext db, System.Data.Common.DbConnection connection, long before) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await SetCacheAsync(connection, before, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Inserts new rows of one audited type with a "Created" audit entry each, written as <see cref="SaveChangesAsync(bool, CancellationToken)"/>
    /// would write them (the same fields and snapshot, sealed onto the same chain, in the same transaction) but without the
    /// change tracker, which costs more than the rows at a province's roster (ORG-6: a million people). Runs only inside a
    /// transaction the caller opened; keys the database would generate are reserved and set on the rows first. A row a
    /// unique index refuses throws <see cref="DbUpdateException"/>, as a save would, and the caller rolls back.
    /// </summary>
    public async Task InsertAuditedAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("InsertAuditedAsync runs inside the caller's transaction.");
        }

        var type = Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        if (!IsAuditedType(typeof(T)) || rows.Count == 0)
        {
            throw new InvalidOperationException($"InsertAuditedAsync writes audited rows only, at least one: {typeof(T).Name}.");
        }

        await LockAuditChainAsync(ct);
        var bulk = BulkRows.For(Database);
        var key = type.FindPrimaryKey()!.Properties;
        if (key is [{ ValueGenerated: Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd } generated])
        {
            var keys = await bulk.NextKeysAsync(type, generated, rows.Count, ct);
            var property = generated.PropertyInfo ?? throw new InvalidOperationException($"{type.DisplayName()}'s key has no property.");
            for (var i = 0; i < rows.Count; i++)
            {
                property.SetValue(rows[i], Convert.ChangeType(keys[i], generated.ClrType, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var entries = new List<AuditEntry>(rows.Count);
        foreach (var row in rows)
        {
            entries.Add(new AuditEntry
            {
                Action = "Created",
                EntityType = type.ClrType.Name,
                EntityId = string.Join(",", key.Select(p => Convert.ToString(p.GetGetter().GetClrValueUsingContainingEntity(row), System.Globalization.CultureInfo.InvariantCulture))),
                After = AuditSnapshot.OfUntracked(type, row),
            });
        }

        await SealAsync(entries, ct);
        try
        {
            await bulk.WriteAsync(type, rows, ct);
            await bulk.WriteAsync(Model.FindEntityType(typeof(AuditEntry))!, entries, ct);
        }
        catch (System.Data.Common.DbException e) when (bulk.IsUniqueViolation(e))
        {
            throw new DbUpdateException($"A unique index refused a {typeof(T).Name} row.", e);
        }
    }

    /// <summary>
    /// Runs <paramref name="insert"/>, a bulk insert of people in the caller's transaction that returns the ids it added,
    /// with the roster's insert trigger held back, then fills the roster counts and name characters of those people set
    /// by set (<see cref="RosterFill"/>; a province's import, ORG-3). A failure anywhere rolls the trigger back with the rest.
    /// </summary>
    public async Task InsertPeopleInBulkAsync(Func<Task<IReadOnlyCollection<int>>> insert, CancellationToken ct)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("InsertPeopleInBulkAsync runs inside the caller's transaction.");
        }

        // The audit chain's lock before the table's (PostgreSQL): every audited writer takes them in this order.
        await LockAuditChainAsync(ct);
        var fill = RosterFill.For(this);
        await fill.HoldAsync(ct);
        var ids = await insert();
        await fill.FillAsync(ids, ct);
    }

    /// <summary>
    /// Every row change is audited except the audit log itself, Identity's own tables, and the secret-ballot
    /// tables: an audit entry per cast ballot or used code would carry a sequence number and a time, which is
    /// exactly what must not exist (DESIGN.md "Secrecy"). Ballot boxes audit their opening, code batches and
    /// closing as events with counts instead. Anonymous democratic-life and commitment opinions likewise: an entry's
    /// time would date each one to the second.
    /// </summary>
    private static bool IsAudited(EntityEntry e) => IsAuditedType(e.Metadata.ClrType)
        && !Cadres.SelectionSecrecy.IsAnonymousObjectionEntry(e.Entity)
        // A voter's question as asked (ELE-9), a public comment on a major decision (MTG-12): an audit entry would date it
        // finer than the day; staff steps on them (answers, moderation) are audited.
        && !(e.State == EntityState.Added && e.Entity is CandidateQuestion or Domain.Meetings.ConsultationComment)
        // An anonymous objection to a chosen nominee from the public page (EVA-11) is likewise not audited as it comes; one
        // staff enter under a name is, and staff answers on either are.
        && !(e.State == EntityState.Added && e.Entity is Domain.Awards.AwardObjection { FiledBy: null })
        // The same for an unsigned objection to publicized evaluation results (EVA-6), whose time is kept to the day.
        && !(e.State == EntityState.Added && e.Entity is Domain.Evaluations.EvaluationObjection { FiledBy: null });

    /// <summary>
    /// Whether rows of a table go into the audit log: not the log itself, not the secret ballot tables and anonymous
    /// opinions (DESIGN.md "Secrecy"), not Identity's own tables (accounts are audited through their commands), not the data protection keys
    /// (secret key material), not the roster's counts and name characters (the database derives them from People, whose
    /// every change is audited).
    /// </summary>
    public static bool IsAuditedType(Type type) =>
        type != typeof(AuditEntry) && type != typeof(RosterCount) && type != typeof(PersonNameChar) && type != typeof(BallotBox) && type != typeof(UnusedAccessCode) && type != typeof(SpentAccessCode)
        && type != typeof(SecretBallot) && type != typeof(Domain.Meetings.DemocraticLifeOpinion) && type != typeof(Domain.Commitments.CommitmentOpinion)
        && type != typeof(Domain.Supervision.ReportCase) && type != typeof(Domain.Supervision.ReportAnswer)
        && type != typeof(Domain.Cadres.Selection.PublicityObjection) && type != typeof(DataProtectionKey)
        && type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true;

    /// <summary>
    /// Appends must be serial, or two savers would both follow the same last entry. SQLite transactions
    /// from Microsoft.Data.Sqlite begin IMMEDIATE, which already takes the database's write lock;
    /// PostgreSQL takes a transaction-scoped advisory lock, released at commit or rollback.
    /// </summary>
    private async Task LockAuditChainAsync(CancellationToken ct)
    {
        if (Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7343001)", ct);
        }
    }

    private AuditEntry ToAuditEntry(Change c)
    {
        var e = c.Entry;
        return new AuditEntry
        {
            Action = c.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => AuditAction ?? "Updated",
            },
            EntityType = e.Metadata.ClrType.Name,
            EntityId = c.State == EntityState.Added ? KeyOf(e) : c.Key,
            Before = c.Before,
            After = c.State == EntityState.Deleted ? null : AuditSnapshot.Of(e, original: false),
        };
    }

    private async Task AppendAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        await SealAsync(entries, ct);
        AuditEntries.AddRange(entries);
    }

    /// <summary>Chains the entries after the last one written (in this transaction too): actor, time, sequence and hashes.</summary>
    private async Task SealAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var last = await AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var hash = last?.Hash ?? AuditChain.GenesisHash;
        var now = _time.GetUtcNow();
        foreach (var entry in entries)
        {
            entry.Actor = _actor.Name;
            entry.At = now;
            AuditChain.Seal(entry, sequence, hash);
            sequence = entry.Sequence;
            hash = entry.Hash;
        }
    }

    private static string KeyOf(EntityEntry e) =>
        string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(e.CurrentValues[p], System.Globalization.CultureInfo.InvariantCulture)));

    private sealed record Change(EntityEntry Entry, EntityState State, string? Before, string Key);
}
