using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Supervision.Notices;

/// <summary>Strings of the rectification notice pages and export (NoticeText.resx, NoticeText.en.resx).</summary>
public sealed class NoticeText;

// ---- Requests

/// <summary>A notice to a team or a cadre of the organization: what, on what evidence, by when; issued today when no day is given.</summary>
public sealed record IssueNoticeRequest(
    int? OrganizationId, NoticeTargetKind? TargetKind, int? TargetId, string? Problem, string? Evidence, DateOnly? Deadline, DateOnly? IssuedOn = null);

/// <summary>The addressed organization's response (整改情况反馈); today when no day is given.</summary>
public sealed record RespondNoticeRequest(string? Response, DateOnly? On, int Version);

/// <summary>核实: whether the response holds; a note is required when it does not (the notice goes back for another response).</summary>
public sealed record VerifyNoticeRequest(bool? Holds, string? Note, DateOnly? On, int Version);

/// <summary>销号 of a verified notice.</summary>
public sealed record CloseNoticeRequest(DateOnly? On, int Version);

/// <summary>Which notices a list shows: a subtree, a status, only those overdue on a day (today when not given), a text search.</summary>
public sealed record NoticeFilter(int? OrganizationId, RectificationNoticeStatus? Status = null, bool Overdue = false, DateOnly? On = null, string? Search = null);

// ---- Views

/// <summary>
/// One notice. <see cref="TargetName"/> is the cadre's name, or for a team the name of its organization with
/// <see cref="TeamTerm"/>; <see cref="Overdue"/> is on the day the list was read for.
/// </summary>
public sealed record NoticeView(
    int Id, int OrganizationId, string OrganizationName, NoticeTargetKind TargetKind, int TargetId, string TargetName, int? TeamTerm,
    string Problem, string Evidence, DateOnly IssuedOn, string IssuedBy, DateOnly Deadline, RectificationNoticeStatus Status,
    string? Response, DateOnly? RespondedOn, string? VerificationNote, DateOnly? VerifiedOn, string? VerifiedBy, int Returns,
    DateOnly? ClosedOn, string? ClosedBy, bool Overdue, int Version);

/// <summary>A page of a subtree's notices, the day overdue was judged on, and whether the caller may issue here.</summary>
public sealed record NoticeListView(int OrganizationId, string OrganizationName, DateOnly On, Paged<NoticeView> Items, bool CanIssue);

/// <summary>One notice with its history (the audit log's entries) and what the caller may do with it.</summary>
public sealed record NoticeDetail(NoticeView Notice, IReadOnlyList<HistoryEntry> History, bool CanRespond, bool CanNotify);

/// <summary>A team of the organization a notice may be addressed to.</summary>
public sealed record NoticeTeamOption(int Id, int OrganizationId, string OrganizationName, int TermNumber);
