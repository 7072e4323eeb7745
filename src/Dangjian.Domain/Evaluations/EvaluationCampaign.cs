using System.Globalization;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Evaluations;

/// <summary>
/// A criteria template (EVA-1, EVA-2) kept by the district: its criteria as JSON (<see cref="EvaluationCriteria"/>).
/// District admins edit templates; a campaign copies the criteria when it is created (<see cref="EvaluationCampaign.CriteriaJson"/>).
/// </summary>
public sealed class EvaluationTemplate : IVersioned
{
    public const int MaxNameLength = 100;
    public const int MaxJsonLength = 20_000;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary><see cref="EvaluationCriteria"/> serialized (EvaluationJson).</summary>
    public required string CriteriaJson { get; set; }

    /// <summary>A template no longer offered for new campaigns (campaigns that used it keep their copy).</summary>
    public bool Archived { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// An evaluation campaign (EVA-3, EVA-8): a 民主测评, an annual assessment (年度考核) or a 民主评议党员 run by an
/// organization over its subjects, with evaluator groups, announced in advance, open between two instants, then
/// counted, publicized for a period with an objection channel, and finalized.
/// </summary>
public sealed class EvaluationCampaign : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public int Id { get; set; }

    /// <summary>The organization that runs it; scope follows it.</summary>
    public int OrganizationId { get; set; }

    public required string Title { get; set; }

    public int Year { get; set; }

    public CampaignKind Kind { get; set; }

    public SubjectKind SubjectKind { get; set; }

    /// <summary>The template it was created from (for reference; the criteria are frozen in <see cref="CriteriaJson"/>).</summary>
    public int? TemplateId { get; set; }

    /// <summary>The frozen <see cref="EvaluationCriteria"/>.</summary>
    public required string CriteriaJson { get; set; }

    /// <summary>The <see cref="GradeRule"/> list in descending order of Min.</summary>
    public required string GradesJson { get; set; }

    /// <summary>The <see cref="ComponentWeights"/>.</summary>
    public required string ComponentsJson { get; set; }

    /// <summary>The grade a vetoed subject gets whatever its score (EVA-2).</summary>
    public required string VetoGrade { get; set; }

    /// <summary>考核预告 (EVA-8): what is assessed, when and how, announced before the campaign opens.</summary>
    public string? Announcement { get; set; }

    public DateTimeOffset? AnnouncedAt { get; set; }

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>
    /// The sampling seed (EVA-4), published with the campaign so anyone can reproduce every group's draw.
    /// </summary>
    public required string Seed { get; set; }

    public CampaignStatus Status { get; set; }

    /// <summary>The publicity period (公示), Beijing dates inclusive.</summary>
    public DateOnly? PublicityFrom { get; set; }

    public DateOnly? PublicityTo { get; set; }

    /// <summary>The public page's token for results and objections, stored only as its SHA-256 (hex).</summary>
    public string? PublicTokenHash { get; set; }

    public int Version { get; set; }

    /// <summary>Refuses a change the campaign's status does not allow (setting up only while Draft, codes until it closes …).</summary>
    public static void DemandStatus(CampaignStatus actual, params CampaignStatus[] allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!allowed.Contains(actual))
        {
            throw new DomainRuleException("Evaluation.WrongStatus", "status", "Evaluation.Status." + actual);
        }
    }

    /// <summary>
    /// 考核预告 (EVA-8): Draft → Announced with what is assessed, when and how. Refused unless the campaign is ready
    /// (<see cref="CampaignRules.CheckReady"/>: subjects, groups, group weights summing to 1).
    /// </summary>
    public void Announce(string announcement, DateTimeOffset at, int subjects, IReadOnlyList<decimal> groupWeights)
    {
        DemandStatus(Status, CampaignStatus.Draft);
        DomainRuleException.ThrowIfAny(CampaignRules.CheckReady(subjects, groupWeights));
        Announcement = announcement;
        AnnouncedAt = at;
        Status = CampaignStatus.Announced;
    }

    /// <summary>Announced → Open: responses are taken; refused unless still ready (the groups may not have changed, but the check is cheap).</summary>
    public void Open(int subjects, IReadOnlyList<decimal> groupWeights)
    {
        DemandStatus(Status, CampaignStatus.Announced);
        DomainRuleException.ThrowIfAny(CampaignRules.CheckReady(subjects, groupWeights));
        Status = CampaignStatus.Open;
    }

    /// <summary>Open → Closed: no more responses; the results are computed from here on.</summary>
    public void Close()
    {
        DemandStatus(Status, CampaignStatus.Open);
        Status = CampaignStatus.Closed;
    }

    /// <summary>
    /// 公示 (EVA-8): Closed → Publicized for the Beijing dates <paramref name="from"/> … <paramref name="to"/>, with the
    /// public link's token stored as its hash. Refused unless closed with results computed and not stale, and for a
    /// period that runs backwards or has fewer than <paramref name="minimumWorkingDays"/> working days.
    /// </summary>
    public void Publicize(DateOnly from, DateOnly to, HolidayCalendar calendar, int minimumWorkingDays, int results, bool resultsStale, string tokenHash)
    {
        DemandPublicizable(results, resultsStale);
        if (to < from)
        {
            throw new DomainRuleException("Evaluation.PeriodBackwards", "to");
        }

        if (PublicityPeriod.WorkingDays(calendar, from, to) < minimumWorkingDays)
        {
            throw new DomainRuleException("Evaluation.PeriodTooShort", "to", minimumWorkingDays);
        }

        (PublicityFrom, PublicityTo, PublicTokenHash) = (from, to, tokenHash);
        Status = CampaignStatus.Publicized;
    }

    /// <summary>Whether the results may be publicized: the campaign is closed and its results are computed and not stale.</summary>
    public void DemandPublicizable(int results, bool resultsStale)
    {
        if (Status != CampaignStatus.Closed)
        {
            throw new DomainRuleException("Evaluation.PublicizeNotClosed", "status");
        }

        if (results == 0)
        {
            throw new DomainRuleException("Evaluation.NoResults", "results");
        }

        if (resultsStale)
        {
            throw new DomainRuleException("Evaluation.ResultsStale", "results");
        }
    }

    /// <summary>
    /// Publicized → Finalized (EVA-8): only once the period is over (the day after its last day, Beijing) and every
    /// objection is answered; both reasons are named when both hold.
    /// </summary>
    public void Finalize(DateOnly today, int unansweredObjections)
    {
        if (Status != CampaignStatus.Publicized)
        {
            throw new DomainRuleException("Evaluation.NotPublicized", "status");
        }

        var problems = new List<FieldProblem>();
        if (PublicityTo is { } to && today <= to)
        {
            problems.Add(new("publicityTo", "Evaluation.PeriodNotOver", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (unansweredObjections > 0)
        {
            problems.Add(new("objections", "Evaluation.UnansweredObjections", unansweredObjections));
        }

        DomainRuleException.ThrowIfAny(problems);
        Status = CampaignStatus.Finalized;
    }
}

/// <summary>The publicity period (公示, EVA-8) counted in working days of the holiday calendar.</summary>
public static class PublicityPeriod
{
    /// <summary>Working days from ≤ d ≤ to; a day of a year the calendar lacks counts when it is Monday to Friday.</summary>
    public static int WorkingDays(HolidayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var n = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            n += IsWorkingDay(calendar, d) ? 1 : 0;
        }

        return n;
    }

    /// <summary>The day on which a period starting <paramref name="from"/> reaches <paramref name="days"/> working days.</summary>
    public static DateOnly LastDay(HolidayCalendar calendar, DateOnly from, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var d = from;
        var n = IsWorkingDay(calendar, d) ? 1 : 0;
        while (n < days)
        {
            d = d.AddDays(1);
            n += IsWorkingDay(calendar, d) ? 1 : 0;
        }

        return d;
    }

    private static bool IsWorkingDay(HolidayCalendar calendar, DateOnly d) => calendar.IsWorkingDayOrWeekday(d);
}

public enum CampaignKind
{
    /// <summary>民主测评 only.</summary>
    DemocraticEvaluation,

    /// <summary>年度综合考核: 实绩 + 民主测评 + 组织考察 (EVA-6).</summary>
    AnnualAssessment,

    /// <summary>党支部书记抓党建述职评议考核 (EVA-9).</summary>
    SecretaryAssessment,

    /// <summary>民主评议党员 (EVA-10).</summary>
    MemberReview,
}

public enum SubjectKind
{
    LeadershipTeam,
    Cadre,
    BranchSecretary,
    Member,
    Commitment,
    Activity,
}

public enum CampaignStatus
{
    /// <summary>Being prepared: subjects, groups, draws, codes.</summary>
    Draft,

    /// <summary>考核预告 published; not yet open.</summary>
    Announced,

    /// <summary>Accepting responses (between OpensAt and ClosesAt).</summary>
    Open,

    /// <summary>Boxes closed, results computed.</summary>
    Closed,

    /// <summary>Results publicized (公示); objections accepted.</summary>
    Publicized,

    /// <summary>Publicity over, objections answered, results final.</summary>
    Finalized,
}

/// <summary>Who may read what of a campaign's results.</summary>
public static class ResultsVisibility
{
    /// <summary>
    /// Whether the results are public: from 公示 on (EVA-8). Until then only those who run the campaign read results and
    /// scores; afterwards others in scope read what the publicity shows — each subject's name, grade and composite —
    /// and a subject their own scores, never another's 实绩, 组织考察, democratic score or ratings.
    /// </summary>
    public static bool IsPublic(CampaignStatus status) => status is CampaignStatus.Publicized or CampaignStatus.Finalized;
}

/// <summary>
/// An evaluator group (EVA-3): 班子成员, 干部职工, 党员, 群众代表, 上级, with its weight. Its responses go into the
/// ballot box <see cref="BoxKey"/>; evaluators may be drawn at random from a population (EVA-4, <see cref="EvaluatorSample"/>).
/// </summary>
public sealed class EvaluationGroup : IVersioned
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public required string Name { get; set; }

    public EvaluatorKind Kind { get; set; }

    public decimal Weight { get; set; }

    public int Order { get; set; }

    /// <summary>How many were drawn, when a draw was made; null when the group is named by the organizer.</summary>
    public int? SampleSize { get; set; }

    /// <summary>Whether the draw was stratified by organization.</summary>
    public bool Stratified { get; set; }

    /// <summary>What was drawn from, as published (e.g. "城东街道 党员名册 2026-11-01, 1,204 人").</summary>
    public string? PopulationNote { get; set; }

    public int Version { get; set; }

    public string BoxKey => BoxKeyFor(Id);

    public static string BoxKeyFor(int groupId) => $"EvaluationGroup/{groupId}";
}

public enum EvaluatorKind
{
    TeamMembers,
    Staff,

    /// <summary>党员.</summary>
    [FormerName("PartyMembers")]
    Members,

    /// <summary>群众代表.</summary>
    [FormerName("MassRepresentatives")]
    ResidentRepresentatives,

    Superior,
}

/// <summary>
/// One person drawn as an evaluator for a group (EVA-4), in draw order. Knowing who was drawn says nothing about
/// what anyone answered: codes are not issued to names.
/// </summary>
public sealed class EvaluatorSample
{
    public const int MaxKeyLength = 100;

    public int Id { get; set; }

    public int GroupId { get; set; }

    /// <summary>The population entry's key as published (a person's id, or a residents' list line number).</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string? Stratum { get; set; }

    public int Rank { get; set; }
}

/// <summary>
/// A subject of the campaign: a leadership team, a cadre, a branch secretary, a member, a commitment or an activity,
/// with its 实绩 and 组织考察 scores and veto (EVA-2, EVA-6).
/// </summary>
public sealed class EvaluationSubject : IVersioned
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public required string Name { get; set; }

    /// <summary>What the subject is in the system: an organization id (team), a person id, or null.</summary>
    public int? PersonId { get; set; }

    public int? SubjectOrganizationId { get; set; }

    /// <summary>Position or description shown on the form (e.g. 党委书记).</summary>
    public string? Description { get; set; }

    public int Order { get; set; }

    /// <summary>实绩考核 score, 0–100 (entered or imported).</summary>
    public decimal? Achievement { get; set; }

    /// <summary>组织考察 score, 0–100.</summary>
    public decimal? Inspection { get; set; }

    /// <summary>The veto items that apply (EVA-2), one per line; any sets the grade to the veto grade.</summary>
    public string? VetoItems { get; set; }

    public bool Vetoed => !string.IsNullOrWhiteSpace(VetoItems);

    public int Version { get; set; }
}

/// <summary>
/// A subject's computed result (EVA-6, EVA-7), written when the campaign closes: scores at full precision, the grade,
/// the rank, per group the score and number of responses (JSON), and the consequences of the grade.
/// </summary>
public sealed class EvaluationResult
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int SubjectId { get; set; }

    public decimal Democratic { get; set; }

    public decimal Composite { get; set; }

    public required string Grade { get; set; }

    public int Rank { get; set; }

    public bool Vetoed { get; set; }

    public bool DemotedByQuota { get; set; }

    /// <summary>Per group: name, score (null without responses), responses; and per dimension the mean rating value.</summary>
    public required string DetailJson { get; set; }

    public decimal? BonusCoefficient { get; set; }

    public bool AwardEligible { get; set; }

    public bool BlocksPromotion { get; set; }
}

/// <summary>An objection filed during publicity (EVA-8), and its answer.</summary>
public sealed class EvaluationObjection : IVersioned
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int? SubjectId { get; set; }

    public required string Text { get; set; }

    /// <summary>Who objects, as they chose to sign (may be empty: objections may be anonymous).</summary>
    public string? FiledBy { get; set; }

    public string? Contact { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    public int Version { get; set; }
}

/// <summary>A follow-up task for a subject graded 基本合格/不合格 (EVA-10) or 基本称职/不称职: measure, owner, deadline, outcome.</summary>
public sealed class EvaluationFollowUp : IVersioned
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int SubjectId { get; set; }

    public required string Measure { get; set; }

    public string? Owner { get; set; }

    public DateOnly? Deadline { get; set; }

    public FollowUpStatus Status { get; set; }

    public string? Outcome { get; set; }

    public int Version { get; set; }

    /// <summary>The measure, its owner and deadline, and where it stands; a task done says what came of it (EVA-10).</summary>
    public void Record(string measure, string? owner, DateOnly? deadline, FollowUpStatus status, string? outcome)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Input.Invalid", "status", "Field.Evaluation.FollowUpStatus");
        }

        if (status == FollowUpStatus.Done && string.IsNullOrWhiteSpace(outcome))
        {
            throw new DomainRuleException("Input.Required", "outcome", "Field.Evaluation.Outcome");
        }

        (Measure, Owner, Deadline, Outcome) = (measure, owner, deadline, outcome);
        Status = status;
    }
}

public enum FollowUpStatus
{
    Open,
    Done,
}
