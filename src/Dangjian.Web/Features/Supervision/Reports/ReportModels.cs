using Dangjian.Domain.Supervision;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Supervision.Reports;

/// <summary>Strings of the report box pages and export (ReportText.resx, ReportText.en.resx).</summary>
public sealed class ReportText;

// ---- Requests (staff)

/// <summary>受理, 调查核实: the version the page showed and the day of the step (today when not given).</summary>
public sealed record ReportStepRequest(int? Version, DateOnly? On);

/// <summary>交办 to a named handler (承办人).</summary>
public sealed record AssignReportRequest(int? Version, string? Handler, DateOnly? On);

/// <summary>办结 with the result the reporter reads.</summary>
public sealed record ConcludeReportRequest(int? Version, string? Conclusion, DateOnly? On);

/// <summary>答复: an answer the reporter reads with the secret.</summary>
public sealed record AnswerReportRequest(int? Version, string? Text, DateOnly? On);

/// <summary>移交选举 (ELE-14): the nominee the report is about, if it names one of the election's.</summary>
public sealed record ReferReportRequest(int? Version, int? NomineeId);

// ---- Views (staff): the case, never the reporter beyond a name they chose to sign with

/// <summary>One line of the staff list.</summary>
public sealed record ReportCaseRow(
    Guid Id, string CaseNumber, int OrganizationId, string OrganizationName, ReportSubjectKind SubjectKind, string? CadreName,
    DateOnly FiledOn, ReportCaseStatus Status, string? Handler, DateOnly LastStepOn);

/// <summary>An answer as staff see it, with who wrote it.</summary>
public sealed record ReportAnswerView(int Id, string Text, string WrittenBy, DateOnly WrittenOn);

/// <summary>A case with its handling steps and answers.</summary>
public sealed record ReportCaseView(
    Guid Id, string CaseNumber, int OrganizationId, string OrganizationName, ReportSubjectKind SubjectKind, string? CadreName, string Content,
    string? ReporterName, DateOnly FiledOn, ReportCaseStatus Status,
    DateOnly? AcceptedOn, string? AcceptedBy, string? Handler, DateOnly? AssignedOn, string? AssignedBy,
    DateOnly? InvestigatedOn, string? InvestigatedBy, DateOnly? ConcludedOn, string? ConcludedBy, string? Conclusion,
    IReadOnlyList<ReportAnswerView> Answers, int Version, ReportCaseElection? Election = null);

/// <summary>
/// The election a misconduct report is about (ELE-14): its title, the election's case once referred, and the nominees a
/// referral may name.
/// </summary>
public sealed record ReportCaseElection(int ProjectId, string Title, int? ElectionReportId, IReadOnlyList<ReportNomineeOption> Nominees);

/// <summary>A nominee of the election, by name.</summary>
public sealed record ReportNomineeOption(int Id, string Name);

// ---- The public side

/// <summary>An organization the public form offers: its name and the name of the one above it, to tell namesakes apart.</summary>
public sealed record ReportOrganizationOption(int Id, string Name, string? ParentName);

/// <summary>The election a misconduct report from the election's public pages is about (ELE-14).</summary>
public sealed record ReportElectionOption(int Id, string Title, int OrganizationId, string OrganizationName);

/// <summary>What the reporter keeps: the case number and the secret, shown once.</summary>
public sealed record FiledReport(string CaseNumber, string Secret);

/// <summary>Filing: the slip, or the fields refused.</summary>
public sealed record FileReportResult(FiledReport? Filed, IReadOnlyList<FieldError> Errors);

/// <summary>A step as the reporter reads it: what and the day, never who.</summary>
public sealed record PublicReportStep(ReportCaseStatus Status, DateOnly On);

/// <summary>An answer as the reporter reads it: the text and the day, never who wrote it.</summary>
public sealed record PublicReportAnswer(string Text, DateOnly WrittenOn);

/// <summary>A case as the reporter reads it with the secret.</summary>
public sealed record PublicReportCase(
    string CaseNumber, string OrganizationName, ReportCaseStatus Status, IReadOnlyList<PublicReportStep> Steps, IReadOnlyList<PublicReportAnswer> Answers,
    string? Conclusion);
