using Dangjian.Domain.Common;

namespace Dangjian.Domain.Supervision;

/// <summary>Whom a notice is sent to.</summary>
public enum NoticeTargetKind
{
    /// <summary>领导班子: <see cref="RectificationNotice.TargetId"/> is a LeadershipTeam.</summary>
    Team,

    /// <summary>干部: <see cref="RectificationNotice.TargetId"/> is a person.</summary>
    Cadre,
}

public enum RectificationNoticeStatus
{
    /// <summary>已发出: waiting for the target's response (again, after a verification that did not pass).</summary>
    Issued,

    /// <summary>已反馈: the target reported what it did.</summary>
    Responded,

    /// <summary>已核实: the department checked the rectification and it holds.</summary>
    Verified,

    /// <summary>已销号.</summary>
    Closed,
}

/// <summary>
/// 预警 / 整改通知 (SUP-2): seed 004, 五 (探索建立领导干部监督预警机制…将领导班子和领导干部中存在的苗头性、倾向性问题，采取发放整改通知的
/// 形式，加强日常监管，力争把问题解决在萌芽状态). A notice to a team or a cadre says what the problem is, on what evidence, and by
/// when it must be rectified; the target responds, the department verifies (a response that does not hold up is sent back
/// for another), then closes the notice. Days are calendar days: the seed sets no working-day deadline.
/// </summary>
public sealed class RectificationNotice : IVersioned
{
    public const int MaxProblemLength = 2000;
    public const int MaxEvidenceLength = 2000;
    public const int MaxResponseLength = 4000;
    public const int MaxNoteLength = 2000;
    public const int MaxStaffNameLength = 100;

    public int Id { get; set; }

    /// <summary>The organization whose team or cadre is warned: it decides which staff see the notice.</summary>
    public int OrganizationId { get; set; }

    public NoticeTargetKind TargetKind { get; set; }

    /// <summary>The LeadershipTeam or the person (by <see cref="TargetKind"/>).</summary>
    public int TargetId { get; set; }

    /// <summary>What: the 苗头性、倾向性问题.</summary>
    public string Problem { get; set; } = string.Empty;

    public string Evidence { get; set; } = string.Empty;

    public DateOnly IssuedOn { get; set; }

    public string IssuedBy { get; set; } = string.Empty;

    /// <summary>整改时限: the last day to respond; overdue from the day after.</summary>
    public DateOnly Deadline { get; set; }

    public RectificationNoticeStatus Status { get; set; }

    /// <summary>The latest response (整改情况反馈).</summary>
    public string? Response { get; set; }

    public DateOnly? RespondedOn { get; set; }

    /// <summary>The latest verification's note: why it passed, or what is still missing.</summary>
    public string? VerificationNote { get; set; }

    public DateOnly? VerifiedOn { get; set; }

    public string? VerifiedBy { get; set; }

    /// <summary>How many responses were sent back as not holding up.</summary>
    public int Returns { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedBy { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// Overdue on <paramref name="day"/>: still waiting for a response after the deadline. The deadline day itself is not
    /// overdue, the day after is; a notice whose response is being verified, or which is closed, is not.
    /// </summary>
    public bool IsOverdueOn(DateOnly day) => Status == RectificationNoticeStatus.Issued && day > Deadline;

    /// <summary>Issues a notice on <paramref name="issuedOn"/> (not in the future) with a deadline on or after it.</summary>
    public static RectificationNotice Issue(
        int organizationId, NoticeTargetKind targetKind, int targetId, string problem, string evidence, DateOnly deadline,
        string issuedBy, DateOnly issuedOn, DateOnly today)
    {
        if (organizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "organizationId", "Field.Notice.Organization");
        }

        if (!Enum.IsDefined(targetKind))
        {
            throw new DomainRuleException("Input.Invalid", "targetKind", "Field.Notice.TargetKind");
        }

        if (targetId <= 0)
        {
            throw new DomainRuleException("Input.Required", "targetId", "Field.Notice.Target");
        }

        var what = TextInput.Required(problem, MaxProblemLength, "problem", "Field.Notice.Problem");
        var proof = TextInput.Required(evidence, MaxEvidenceLength, "evidence", "Field.Notice.Evidence");
        var by = TextInput.Required(issuedBy, MaxStaffNameLength, "issuedBy", "Field.Notice.IssuedBy");
        var on = SupervisionDays.Done(issuedOn, "issuedOn", "Field.Notice.IssuedOn", today);
        SaneDates.Demand(deadline, "deadline", "Field.Notice.Deadline");
        if (deadline < on)
        {
            throw new DomainRuleException("RectificationNotice.DeadlineBeforeIssue", "deadline", DateText.Format(on));
        }

        return new()
        {
            OrganizationId = organizationId,
            TargetKind = targetKind,
            TargetId = targetId,
            Problem = what,
            Evidence = proof,
            IssuedBy = by,
            IssuedOn = on,
            Deadline = deadline,
            Status = RectificationNoticeStatus.Issued,
        };
    }

    /// <summary>整改反馈: the target's response, on or after the notice (or the last verification) and not in the future; late is accepted, and stays visible.</summary>
    public void Respond(string response, DateOnly on, DateOnly today)
    {
        RefuseUnless(RectificationNoticeStatus.Issued);
        var text = TextInput.Required(response, MaxResponseLength, "response", "Field.Notice.Response");
        (Response, RespondedOn, Status) = (text, SupervisionDays.Done(on, "on", "Field.Notice.On", today, VerifiedOn ?? IssuedOn), RectificationNoticeStatus.Responded);
    }

    /// <summary>
    /// 核实: the department checks the response. When it holds the notice is verified; when not, it goes back to the target
    /// for another response (the note says what is missing), and is overdue again if the deadline has passed.
    /// </summary>
    public void Verify(bool holds, string? note, string by, DateOnly on, DateOnly today)
    {
        RefuseUnless(RectificationNoticeStatus.Responded);
        var why = holds
            ? TextInput.Optional(note, MaxNoteLength, "note", "Field.Notice.Note")
            : TextInput.Required(note, MaxNoteLength, "note", "Field.Notice.Note");
        var who = TextInput.Required(by, MaxStaffNameLength, "by", "Field.Notice.By");
        var day = SupervisionDays.Done(on, "on", "Field.Notice.On", today, RespondedOn!.Value);
        (VerificationNote, VerifiedBy, VerifiedOn) = (why, who, day);
        if (holds)
        {
            Status = RectificationNoticeStatus.Verified;
        }
        else
        {
            Status = RectificationNoticeStatus.Issued;
            Returns++;
        }
    }

    /// <summary>销号: a verified notice is closed.</summary>
    public void Close(string by, DateOnly on, DateOnly today)
    {
        RefuseUnless(RectificationNoticeStatus.Verified);
        var who = TextInput.Required(by, MaxStaffNameLength, "by", "Field.Notice.By");
        (ClosedBy, ClosedOn, Status) = (who, SupervisionDays.Done(on, "on", "Field.Notice.On", today, VerifiedOn!.Value), RectificationNoticeStatus.Closed);
    }

    private void RefuseUnless(RectificationNoticeStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainRuleException("RectificationNotice.OutOfOrder", "status");
        }
    }
}

/// <summary>The lists of SUP-2.</summary>
public static class RectificationNotices
{
    /// <summary>The notices overdue on <paramref name="day"/>, the longest overdue first (then by id).</summary>
    public static IReadOnlyList<RectificationNotice> Overdue(IEnumerable<RectificationNotice> notices, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(notices);
        return [.. notices.Where(n => n.IsOverdueOn(day)).OrderBy(n => n.Deadline).ThenBy(n => n.Id)];
    }

    /// <summary>A cadre's notices (their record's history), newest first: those to the cadre, not to the teams they sit on.</summary>
    public static IReadOnlyList<RectificationNotice> OfCadre(IEnumerable<RectificationNotice> notices, int personId)
    {
        ArgumentNullException.ThrowIfNull(notices);
        return [.. notices.Where(n => n.TargetKind == NoticeTargetKind.Cadre && n.TargetId == personId).OrderByDescending(n => n.IssuedOn).ThenByDescending(n => n.Id)];
    }
}
