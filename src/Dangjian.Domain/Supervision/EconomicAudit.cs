using Dangjian.Domain.Common;

namespace Dangjian.Domain.Supervision;

/// <summary>
/// When in a leader's time in post an audit falls: seed 004, 五 (规范深化领导干部任期经济责任审计工作，逐步实现领导干部审计工作从离任审计向任期
/// 审计转变，从不定期审计向定期有计划审计转变) — audits during the term, planned ahead, as well as on leaving.
/// </summary>
public enum EconomicAuditKind
{
    /// <summary>任中审计.</summary>
    InTerm,

    /// <summary>离任审计.</summary>
    Departure,
}

public enum EconomicAuditStatus
{
    /// <summary>已列入计划.</summary>
    Planned,

    /// <summary>审计中: findings are recorded.</summary>
    InProgress,

    /// <summary>已出具审计报告: findings are rectified.</summary>
    Completed,
}

/// <summary>
/// 经济责任审计 (SUP-3) of one leader for a period of their time in post at one organization: planned, carried out with its
/// findings (审计发现的问题), completed with a conclusion, then each finding rectified (整改). Dates are calendar days.
/// </summary>
public sealed class EconomicAudit : IVersioned
{
    public const int MaxConclusionLength = 4000;

    public int Id { get; set; }

    /// <summary>The leader audited.</summary>
    public int PersonId { get; set; }

    /// <summary>The organization (unit) where the leader held the post audited.</summary>
    public int OrganizationId { get; set; }

    public EconomicAuditKind Kind { get; set; }

    /// <summary>The first day of the period audited (审计期间).</summary>
    public DateOnly PeriodFrom { get; set; }

    /// <summary>The last day of the period audited; for a departure audit, the day the leader left the post.</summary>
    public DateOnly PeriodTo { get; set; }

    /// <summary>When the audit is to start (计划审计时间).</summary>
    public DateOnly PlannedOn { get; set; }

    public EconomicAuditStatus Status { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>审计结论 (the report's conclusion).</summary>
    public string? Conclusion { get; set; }

    public List<AuditFinding> Findings { get; set; } = [];

    public int Version { get; set; }

    /// <summary>Completed and every finding rectified (none found counts as rectified).</summary>
    public bool IsRectified => Status == EconomicAuditStatus.Completed && Findings.All(f => f.RectifiedOn is not null);

    /// <summary>Plans an audit of a leader's period in post (from ≤ to), to start on a sane day.</summary>
    public static EconomicAudit Plan(int personId, int organizationId, EconomicAuditKind kind, DateOnly periodFrom, DateOnly periodTo, DateOnly plannedOn)
    {
        if (personId <= 0)
        {
            throw new DomainRuleException("Input.Required", "personId", "Field.EconomicAudit.Person");
        }

        if (organizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "organizationId", "Field.EconomicAudit.Organization");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("Input.Invalid", "kind", "Field.EconomicAudit.Kind");
        }

        SaneDates.Demand(periodFrom, "periodFrom", "Field.EconomicAudit.PeriodFrom");
        SaneDates.Demand(periodTo, "periodTo", "Field.EconomicAudit.PeriodTo");
        if (periodTo < periodFrom)
        {
            throw new DomainRuleException("EconomicAudit.PeriodReversed", "periodTo", DateText.Format(periodFrom));
        }

        SaneDates.Demand(plannedOn, "plannedOn", "Field.EconomicAudit.PlannedOn");
        return new()
        {
            PersonId = personId,
            OrganizationId = organizationId,
            Kind = kind,
            PeriodFrom = periodFrom,
            PeriodTo = periodTo,
            PlannedOn = plannedOn,
            Status = EconomicAuditStatus.Planned,
        };
    }

    /// <summary>The audit team starts work (进点).</summary>
    public void Start(DateOnly on, DateOnly today)
    {
        RefuseUnless(EconomicAuditStatus.Planned);
        (StartedOn, Status) = (SupervisionDays.Done(on, "on", "Field.EconomicAudit.On", today), EconomicAuditStatus.InProgress);
    }

    /// <summary>A problem the audit found, while it is in progress.</summary>
    public AuditFinding AddFinding(string text)
    {
        RefuseUnless(EconomicAuditStatus.InProgress);
        var finding = new AuditFinding { AuditId = Id, Text = TextInput.Required(text, AuditFinding.MaxTextLength, "text", "Field.EconomicAudit.Finding") };
        Findings.Add(finding);
        return finding;
    }

    /// <summary>The report is issued with its conclusion, on or after the start.</summary>
    public void Complete(string conclusion, DateOnly on, DateOnly today)
    {
        RefuseUnless(EconomicAuditStatus.InProgress);
        var text = TextInput.Required(conclusion, MaxConclusionLength, "conclusion", "Field.EconomicAudit.Conclusion");
        (Conclusion, CompletedOn, Status) = (text, SupervisionDays.Done(on, "on", "Field.EconomicAudit.On", today, StartedOn!.Value), EconomicAuditStatus.Completed);
    }

    /// <summary>
    /// 整改: one finding of a completed audit rectified with what was done, on or after the report, not in the future;
    /// a rectified finding is not rectified again.
    /// </summary>
    public void Rectify(AuditFinding finding, string measure, DateOnly on, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(finding);
        RefuseUnless(EconomicAuditStatus.Completed);
        if (!Findings.Contains(finding))
        {
            throw new DomainRuleException("Input.Invalid", "findingId", "Field.EconomicAudit.Finding");
        }

        if (finding.RectifiedOn is not null)
        {
            throw new DomainRuleException("EconomicAudit.FindingRectified", "findingId");
        }

        var text = TextInput.Required(measure, AuditFinding.MaxMeasureLength, "measure", "Field.EconomicAudit.Measure");
        (finding.Measure, finding.RectifiedOn) = (text, SupervisionDays.Done(on, "on", "Field.EconomicAudit.On", today, CompletedOn!.Value));
    }

    /// <summary>Whether this audit is the departure audit of a leader who left the post at <paramref name="organizationId"/> on <paramref name="lastDay"/>.</summary>
    public bool CoversDeparture(int personId, int organizationId, DateOnly lastDay) =>
        Kind == EconomicAuditKind.Departure && PersonId == personId && OrganizationId == organizationId
        && PeriodFrom <= lastDay && lastDay <= PeriodTo;

    private void RefuseUnless(EconomicAuditStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainRuleException("EconomicAudit.OutOfOrder", "status");
        }
    }
}

/// <summary>A problem an economic-responsibility audit found, and its rectification.</summary>
public sealed class AuditFinding
{
    public const int MaxTextLength = 2000;
    public const int MaxMeasureLength = 2000;

    public int Id { get; set; }

    public int AuditId { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>整改措施 taken; null until rectified.</summary>
    public string? Measure { get; set; }

    public DateOnly? RectifiedOn { get; set; }
}

/// <summary>One seat a leader held, as the departure list reads it: the last day in post, both ends of a seat inclusive.</summary>
public sealed record LeaderSeatEnd(int PersonId, int OrganizationId, DateOnly LastDay);

/// <summary>The list of SUP-3.</summary>
public static class EconomicAudits
{
    /// <summary>
    /// The seats left by <paramref name="asOf"/> — the day after the last day in post has come — with no departure audit
    /// of that leader at that organization whose period takes in the last day (planned or under way counts: it is
    /// scheduled), in order of leaving, then person. A leader still in post on their last day is not listed.
    /// </summary>
    public static IReadOnlyList<LeaderSeatEnd> LeftWithoutDepartureAudit(IEnumerable<LeaderSeatEnd> seats, IEnumerable<EconomicAudit> audits, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(audits);
        var departures = audits.Where(a => a.Kind == EconomicAuditKind.Departure).ToList();
        return [.. seats.Distinct()
            .Where(s => s.LastDay < asOf && !departures.Exists(a => a.CoversDeparture(s.PersonId, s.OrganizationId, s.LastDay)))
            .OrderBy(s => s.LastDay).ThenBy(s => s.PersonId).ThenBy(s => s.OrganizationId)];
    }
}
