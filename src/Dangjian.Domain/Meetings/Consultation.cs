using Dangjian.Domain.Calendar;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Meetings;

/// <summary>
/// The consultation rules as data (MTG-12). Seed 004 四 (推行重大决策征求意见、重大事项公示、社会听证、专家咨询) asks for public
/// comment, hearings and expert advice before major decisions but sets no period. 《重大行政决策程序暂行条例》第十四条
/// (公开征求意见的期限一般不少于30日) binds governments' administrative decisions, not a party organization's, so the
/// minimum here is this system's default (5 working days, as the 7-working-day minimum some local rules set for
/// normative documents approximates); an organization may set a longer period per consultation.
/// </summary>
public sealed record ConsultationRules(int MinimumWorkingDays = 5, int MaximumWorkingDays = 60)
{
    public static ConsultationRules Default { get; } = new();
}

/// <summary>Whether a public comment is shown to the members (moderated by whoever runs the meetings).</summary>
public enum CommentStatus
{
    Published,
    Hidden,
}

/// <summary>
/// 重大决策征求意见 (MTG-12, seed 004 四): a major agenda item's public comment period (a public page takes comments from
/// the day it opens for a number of working days on the holiday calendar), a hearing record (听证) and expert opinions
/// (专家咨询). The meeting page shows them to the members before the vote; no vote is taken while the period runs.
/// </summary>
public sealed class Consultation : IVersioned
{
    public const int MaxSubjectLength = 2000;
    public const int MaxSummaryLength = 4000;

    public int Id { get; set; }

    public int AgendaItemId { get; set; }

    /// <summary>The meeting's organization (scope and the public page's heading).</summary>
    public int OrganizationId { get; set; }

    /// <summary>What the public is asked about (征求意见稿 说明), shown on the public page.</summary>
    public required string Subject { get; set; }

    public DateOnly OpensOn { get; set; }

    public int WorkingDays { get; set; }

    /// <summary>The last day comments are taken: <see cref="WorkingDays"/> working days after the opening day.</summary>
    public DateOnly ClosesOn { get; set; }

    public DateOnly? HearingOn { get; set; }

    public int? HearingParticipants { get; set; }

    public string? HearingSummary { get; set; }

    public List<ConsultationComment> Comments { get; set; } = [];

    public List<ExpertOpinion> ExpertOpinions { get; set; } = [];

    public int Version { get; set; }

    /// <summary>
    /// Opens a comment period on a pending major item (重大事项 only): from <paramref name="opensOn"/> (not before today)
    /// for <paramref name="workingDays"/> working days within the rule's bounds.
    /// </summary>
    public static Consultation Open(
        AgendaItem item, int organizationId, string? subject, DateOnly opensOn, int workingDays, DateOnly today, HolidayCalendar calendar, ConsultationRules? rules = null)
    {
        rules ??= ConsultationRules.Default;
        item.DemandPending();
        var problems = new List<FieldProblem>();
        if (item.Category != ItemCategory.Major)
        {
            problems.Add(new("itemId", "Consultation.NotMajor"));
        }

        subject = subject?.Trim() ?? string.Empty;
        if (subject.Length == 0)
        {
            problems.Add(new("subject", "Input.Required", "Field.Consultation.Subject"));
        }
        else if (subject.Length > MaxSubjectLength)
        {
            problems.Add(new("subject", "Input.TooLong", "Field.Consultation.Subject", MaxSubjectLength));
        }

        if (opensOn < today)
        {
            problems.Add(new("opensOn", "Consultation.OpensInPast"));
        }

        if (workingDays < rules.MinimumWorkingDays || workingDays > rules.MaximumWorkingDays)
        {
            problems.Add(new("workingDays", "Consultation.WorkingDays", rules.MinimumWorkingDays, rules.MaximumWorkingDays));
        }

        DomainRuleException.ThrowIfAny(problems);
        return new Consultation
        {
            AgendaItemId = item.Id,
            OrganizationId = organizationId,
            Subject = subject,
            OpensOn = opensOn,
            WorkingDays = workingDays,
            ClosesOn = calendar.AfterWorkingDays(opensOn, workingDays),
        };
    }

    /// <summary>Comments are taken from the opening day through the closing day, both included.</summary>
    public bool TakesCommentsOn(DateOnly today) => OpensOn <= today && today <= ClosesOn;

    /// <summary>The period has not ended yet (it may not have started): the item cannot be voted on.</summary>
    public bool IsRunningOn(DateOnly today) => today <= ClosesOn;

    /// <summary>A public comment, stored with its day only and nothing about who sent it; refused outside the period.</summary>
    public ConsultationComment Comment(string? text, DateOnly today)
    {
        if (!TakesCommentsOn(today))
        {
            throw new DomainRuleException(today < OpensOn ? "Consultation.NotYetOpen" : "Consultation.Closed", "text");
        }

        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainRuleException("Input.Required", "text", "Field.Consultation.Comment");
        }

        if (text.Length > ConsultationComment.MaxTextLength)
        {
            throw new DomainRuleException("Input.TooLong", "text", "Field.Consultation.Comment", ConsultationComment.MaxTextLength);
        }

        var comment = new ConsultationComment { ConsultationId = Id, Text = text, ReceivedOn = today };
        Comments.Add(comment);
        return comment;
    }

    /// <summary>MTG-12: no vote (or head's decision) on the item while its comment period has not ended.</summary>
    public void DemandEndedBy(DateOnly today)
    {
        if (IsRunningOn(today))
        {
            throw new DomainRuleException("Consultation.StillOpen", "id", ClosesOn);
        }
    }

    /// <summary>听证 record: the day (not after today), how many took part and a summary.</summary>
    public void RecordHearing(DateOnly? on, int? participants, string? summary, DateOnly today)
    {
        var problems = new List<FieldProblem>();
        if (on is not { } day)
        {
            problems.Add(new("hearingOn", "Input.Required", "Field.Consultation.HearingOn"));
        }
        else if (day > today)
        {
            problems.Add(new("hearingOn", "Consultation.HearingInFuture"));
        }

        if (participants is not > 0)
        {
            problems.Add(new("participants", "Consultation.Participants"));
        }

        summary = summary?.Trim() ?? string.Empty;
        if (summary.Length == 0)
        {
            problems.Add(new("summary", "Input.Required", "Field.Consultation.HearingSummary"));
        }
        else if (summary.Length > MaxSummaryLength)
        {
            problems.Add(new("summary", "Input.TooLong", "Field.Consultation.HearingSummary", MaxSummaryLength));
        }

        DomainRuleException.ThrowIfAny(problems);
        (HearingOn, HearingParticipants, HearingSummary) = (on, participants, summary);
    }

    /// <summary>专家咨询: one expert's name, field and opinion.</summary>
    public ExpertOpinion AddExpertOpinion(string? expert, string? field, string? opinion)
    {
        var problems = new List<FieldProblem>();
        expert = Required(problems, "expertName", "Field.Consultation.ExpertName", expert, ExpertOpinion.MaxNameLength);
        field = Required(problems, "field", "Field.Consultation.ExpertField", field, ExpertOpinion.MaxNameLength);
        opinion = Required(problems, "opinion", "Field.Consultation.Opinion", opinion, MaxSummaryLength);
        DomainRuleException.ThrowIfAny(problems);
        var row = new ExpertOpinion { ConsultationId = Id, ExpertName = expert, Field = field, Opinion = opinion };
        ExpertOpinions.Add(row);
        return row;
    }

    /// <summary>A short line for the decision register: comments (published), hearing, expert opinions.</summary>
    public (int Published, int Hidden, bool Hearing, int Experts) Summary() =>
        (Comments.Count(c => c.Status == CommentStatus.Published), Comments.Count(c => c.Status == CommentStatus.Hidden), HearingOn is not null, ExpertOpinions.Count);

    private static string Required(List<FieldProblem> problems, string name, string label, string? value, int max)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problems.Add(new(name, "Input.Required", label));
        }
        else if (text.Length > max)
        {
            problems.Add(new(name, "Input.TooLong", label, max));
        }

        return text;
    }
}

/// <summary>A public comment: its text and the day it came; no account, no address, nothing about the sender.</summary>
public sealed class ConsultationComment
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public required string Text { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public CommentStatus Status { get; set; }

    /// <summary>Moderation: shown to the members or hidden (abuse, off topic); either way it is kept.</summary>
    public void Moderate(CommentStatus status) => Status = status;
}

/// <summary>An expert's opinion on the matter (专家咨询).</summary>
public sealed class ExpertOpinion
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public required string ExpertName { get; set; }

    public required string Field { get; set; }

    public required string Opinion { get; set; }
}
