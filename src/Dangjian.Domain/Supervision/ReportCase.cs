using Dangjian.Domain.Common;

namespace Dangjian.Domain.Supervision;

/// <summary>Whom a report is about.</summary>
public enum ReportSubjectKind
{
    /// <summary>干部: a named cadre (of <see cref="ReportCase.OrganizationId"/>).</summary>
    Cadre,

    /// <summary>党组织: the organization itself.</summary>
    Organization,
}

/// <summary>Where a case stands; each step follows the one before, none is skipped.</summary>
public enum ReportCaseStatus
{
    /// <summary>已提交: filed through the report box, not yet looked at.</summary>
    Filed,

    /// <summary>已受理.</summary>
    Accepted,

    /// <summary>已交办: a handler is named.</summary>
    Assigned,

    /// <summary>已调查核实.</summary>
    Investigated,

    /// <summary>已办结: with a conclusion.</summary>
    Concluded,
}

/// <summary>
/// 举报 (SUP-1): a report filed through the public report box about a cadre or an organization, and its handling. The
/// reporter keeps a case number and a follow-up secret (<see cref="ReportSecret"/>) to read the answers. Nothing here
/// identifies the reporter unless they chose to give a name (DESIGN.md "Secrecy"): no account, no address, the filing day
/// and never a finer time, and a random id, so neither a column nor the key orders the cases finely enough to pair one
/// with a visit to the form. Seed 001 (公开举报电话…加大调查核实力度，一经查实…给予党纪政纪处分) and seed 004, 五 (严肃查处领导干部
/// …违纪违法案件) are why a report is accepted, handed to a handler, investigated and concluded, each step dated and signed
/// by the staff member who took it.
/// </summary>
public sealed class ReportCase : IVersioned
{
    public const int MaxCadreNameLength = 50;
    public const int MaxContentLength = 4000;
    public const int MaxReporterNameLength = 50;
    public const int MaxStaffNameLength = 100;
    public const int MaxConclusionLength = 2000;

    /// <summary>Random (version 4), never generated in order.</summary>
    public Guid Id { get; set; }

    /// <summary>The case number in its stored form (<see cref="ReportSecret.NormalizeCaseNumber"/>); unique.</summary>
    public string CaseNumber { get; set; } = string.Empty;

    /// <summary>The follow-up secret's salted slow hash (<see cref="ReportSecret.Hash"/>); the secret itself is never stored.</summary>
    public string SecretHash { get; set; } = string.Empty;

    public ReportSubjectKind SubjectKind { get; set; }

    /// <summary>The organization reported, or the one the reported cadre serves in: it decides which staff see the case.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The cadre's name as the reporter wrote it; null for a report about an organization.</summary>
    public string? CadreName { get; set; }

    public string Content { get; set; } = string.Empty;

    /// <summary>The day only (DESIGN.md "Secrecy").</summary>
    public DateOnly FiledOn { get; set; }

    /// <summary>Only when the reporter chose to sign the report (实名举报); null for an anonymous one.</summary>
    public string? ReporterName { get; set; }

    /// <summary>
    /// 拉票贿选 (ELE-14): the election the report is about, when it was filed from that election's public pages; the case's
    /// organization is then the election's.
    /// </summary>
    public int? ElectionProjectId { get; set; }

    /// <summary>The election's own misconduct case this report was referred to (ELE-14 → ELE-5), once referred.</summary>
    public int? ElectionReportId { get; set; }

    public ReportCaseStatus Status { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public string? AcceptedBy { get; set; }

    /// <summary>承办人: who handles the case from assignment on.</summary>
    public string? Handler { get; set; }

    public DateOnly? AssignedOn { get; set; }

    public string? AssignedBy { get; set; }

    public DateOnly? InvestigatedOn { get; set; }

    public string? InvestigatedBy { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public string? ConcludedBy { get; set; }

    /// <summary>办理结果: what the investigation established and what follows; the reporter reads it.</summary>
    public string? Conclusion { get; set; }

    /// <summary>Answers to the reporter (答复), oldest first; the reporter reads them with the secret.</summary>
    public List<ReportAnswer> Answers { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The day of the latest step: filing, then each handling step.</summary>
    public DateOnly LastStepOn => ConcludedOn ?? InvestigatedOn ?? AssignedOn ?? AcceptedOn ?? FiledOn;

    /// <summary>
    /// Files a report on <paramref name="filedOn"/> (the day in the organization's time zone) and returns it with the
    /// follow-up secret, which exists nowhere else: the caller shows it to the reporter once.
    /// </summary>
    public static (ReportCase Case, string Secret) File(
        ReportSubjectKind subjectKind, int organizationId, string? cadreName, string content, string? reporterName, DateOnly filedOn,
        int? electionProjectId = null)
    {
        if (!Enum.IsDefined(subjectKind))
        {
            throw new DomainRuleException("Input.Invalid", "subjectKind", "Field.Report.SubjectKind");
        }

        if (organizationId <= 0)
        {
            throw new DomainRuleException("Input.Required", "organizationId", "Field.Report.Organization");
        }

        var cadre = subjectKind == ReportSubjectKind.Cadre
            ? TextInput.Required(cadreName, MaxCadreNameLength, "cadreName", "Field.Report.CadreName")
            : TextInput.Optional(cadreName, MaxCadreNameLength, "cadreName", "Field.Report.CadreName") is null
                ? null
                : throw new DomainRuleException("ReportCase.CadreNameForOrganization", "cadreName");
        var text = TextInput.Required(content, MaxContentLength, "content", "Field.Report.Content");
        var reporter = TextInput.Optional(reporterName, MaxReporterNameLength, "reporterName", "Field.Report.ReporterName");
        SaneDates.Demand(filedOn, "filedOn", "Field.Report.FiledOn");
        var secret = ReportSecret.NewSecret();
        var report = new ReportCase
        {
            Id = Guid.NewGuid(),
            CaseNumber = ReportSecret.NewCaseNumber(),
            SecretHash = ReportSecret.Hash(secret),
            SubjectKind = subjectKind,
            OrganizationId = organizationId,
            CadreName = cadre,
            Content = text,
            ReporterName = reporter,
            FiledOn = filedOn,
            ElectionProjectId = electionProjectId,
            Status = ReportCaseStatus.Filed,
        };
        return (report, secret);
    }

    /// <summary>受理: a filed case is taken up.</summary>
    public void Accept(string by, DateOnly on, DateOnly today)
    {
        var (who, day) = Step(ReportCaseStatus.Filed, by, on, today);
        (AcceptedBy, AcceptedOn, Status) = (who, day, ReportCaseStatus.Accepted);
    }

    /// <summary>交办: an accepted case is handed to <paramref name="handler"/>.</summary>
    public void Assign(string handler, string by, DateOnly on, DateOnly today)
    {
        RefuseUnless(ReportCaseStatus.Accepted);
        var named = TextInput.Required(handler, MaxStaffNameLength, "handler", "Field.Report.Handler");
        var (who, day) = Step(ReportCaseStatus.Accepted, by, on, today);
        (Handler, AssignedBy, AssignedOn, Status) = (named, who, day, ReportCaseStatus.Assigned);
    }

    /// <summary>调查核实 done, by whoever signs it (the handler, or a colleague on their behalf).</summary>
    public void RecordInvestigation(string by, DateOnly on, DateOnly today)
    {
        var (who, day) = Step(ReportCaseStatus.Assigned, by, on, today);
        (InvestigatedBy, InvestigatedOn, Status) = (who, day, ReportCaseStatus.Investigated);
    }

    /// <summary>办结: an investigated case is concluded with its result, which the reporter reads.</summary>
    public void Conclude(string conclusion, string by, DateOnly on, DateOnly today)
    {
        RefuseUnless(ReportCaseStatus.Investigated);
        var text = TextInput.Required(conclusion, MaxConclusionLength, "conclusion", "Field.Report.Conclusion");
        var (who, day) = Step(ReportCaseStatus.Investigated, by, on, today);
        (Conclusion, ConcludedBy, ConcludedOn, Status) = (text, who, day, ReportCaseStatus.Concluded);
    }

    /// <summary>答复: an answer to the reporter, at any stage (an acknowledgement, a request for detail, the outcome).</summary>
    public ReportAnswer Answer(string text, string by, DateOnly on, DateOnly today)
    {
        var body = TextInput.Required(text, ReportAnswer.MaxTextLength, "text", "Field.Report.AnswerText");
        var who = TextInput.Required(by, MaxStaffNameLength, "by", "Field.Report.By");
        var day = SupervisionDays.Done(on, "on", "Field.Report.StepOn", today, Answers.Count > 0 ? Answers[^1].WrittenOn : FiledOn);
        var answer = new ReportAnswer { ReportCaseId = Id, Text = body, WrittenBy = who, WrittenOn = day };
        Answers.Add(answer);
        return answer;
    }

    /// <summary>The checks every handling step makes: it follows <paramref name="from"/>, is signed, and is dated between the last step and today.</summary>
    /// <summary>
    /// 移交选举 (ELE-14): a report about an election, once accepted, is referred to that election's own misconduct case,
    /// where the election's staff investigate it and a proven one disqualifies the nominee (ELE-5: 一票否决). Once only;
    /// a case still filed has not been looked at, and a report not about an election has no election to go to.
    /// </summary>
    public void ReferToElection(int electionReportId)
    {
        DemandReferable();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(electionReportId);
        ElectionReportId = electionReportId;
    }

    /// <summary>Refuses a referral <see cref="ReferToElection"/> would refuse, before the election's case is made for it.</summary>
    public void DemandReferable()
    {
        if (ElectionProjectId is null)
        {
            throw new DomainRuleException("ReportCase.NotAboutElection", "electionProjectId");
        }

        if (Status == ReportCaseStatus.Filed)
        {
            throw new DomainRuleException("ReportCase.OutOfOrder", "status");
        }

        if (ElectionReportId is not null)
        {
            throw new DomainRuleException("ReportCase.AlreadyReferred", "electionReportId");
        }
    }

    private (string By, DateOnly On) Step(ReportCaseStatus from, string by, DateOnly on, DateOnly today)
    {
        RefuseUnless(from);
        var who = TextInput.Required(by, MaxStaffNameLength, "by", "Field.Report.By");
        return (who, SupervisionDays.Done(on, "on", "Field.Report.StepOn", today, LastStepOn));
    }

    private void RefuseUnless(ReportCaseStatus expected)
    {
        if (Status != expected)
        {
            throw new DomainRuleException("ReportCase.OutOfOrder", "status");
        }
    }
}

/// <summary>An answer to the reporter (答复), read by them with the case's secret and by the staff who see the case.</summary>
public sealed class ReportAnswer
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public Guid ReportCaseId { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>The staff member who wrote it (shown to staff; what the reporter sees is the Web side's choice).</summary>
    public string WrittenBy { get; set; } = string.Empty;

    public DateOnly WrittenOn { get; set; }
}

/// <summary>Following a case from the public form (SUP-1).</summary>
public static class ReportCases
{
    /// <summary>
    /// The case the reporter may read: <paramref name="found"/> (looked up by the normalized case number, or null when
    /// none) when <paramref name="secret"/> is its secret, else null. An unknown case, a wrong secret and text that cannot be
    /// a secret all give null after the same work, so the caller cannot tell them apart, nor make the page do so.
    /// </summary>
    public static ReportCase? Follow(ReportCase? found, string? secret) =>
        ReportSecret.Matches(found?.SecretHash, secret) ? found : null;
}
