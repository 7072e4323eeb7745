using Dangjian.Domain.Cadres;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Cadres.Reserve;

/// <summary>Strings of the reserve pool pages and export (ReserveText.resx, ReserveText.en.resx).</summary>
public sealed class ReserveText;

/// <summary>Which entries a list shows: those in the pool on the day, those out of it by then, or all.</summary>
public enum PoolStatusFilter
{
    In,
    Out,
    All,
}

// ---- Requests

/// <summary>Takes a person of the organization's roster into its reserve pool on a day (not after today).</summary>
public sealed record EnterReserveRequest(
    int? OrganizationId, int? PersonId, string? TargetPostLevel, string? TargetPostType, ReserveSource? Source, DateOnly? EnteredOn, string? Reason,
    string? Field = null);

/// <summary>A posting (挂职, 交流, 到村任职) of an open entry.</summary>
public sealed record AddPostingRequest(int Version, PostingKind? Kind, string? Place, DateOnly? From, DateOnly? To);

/// <summary>The last day of a running posting.</summary>
public sealed record EndPostingRequest(int Version, DateOnly? To);

/// <summary>Takes the person out of a pool on a day, for a reason (dynamic management).</summary>
public sealed record LeavePoolRequest(int Version, DateOnly? LeftOn, string? Reason);

/// <summary>Notes the evaluations module's annual results of the entry's person.</summary>
public sealed record VersionRequest(int Version);

/// <summary>The list's filter: the day, in or out, post type and level, field of work (专业领域), a name.</summary>
public sealed record ReserveFilter(
    int? OrganizationId, DateOnly? AsOf = null, PoolStatusFilter? Status = null, string? PostType = null, string? PostLevel = null, string? Search = null,
    int? Page = null, int? PageSize = null, string? Field = null);

// ---- Views

/// <summary>One entry as the list shows it.</summary>
public sealed record ReserveCadreRow(
    int Id, int PersonId, string PersonName, string PersonOrganization, string? Education, DateOnly? BirthDate, string TargetPostLevel, string TargetPostType,
    ReserveSource Source, DateOnly EnteredOn, DateOnly? LeftOn, string? LeaveReason, bool InPool, string? Field = null);

/// <summary>The list: a page of entries, the day it is read on, the post types and fields in use (for the filters), whether the caller may write.</summary>
public sealed record ReserveListView(
    int OrganizationId, string OrganizationName, DateOnly AsOf, Paged<ReserveCadreRow> Entries, IReadOnlyList<string> PostTypes, bool CanWrite,
    IReadOnlyList<string> Fields);

/// <summary>An annual assessment result of the person in the evaluations module (finalized campaigns).</summary>
public sealed record EvaluationGradeView(int Year, string Grade, string CampaignTitle);

/// <summary>The person's approved study records of a year, from the study module: how many, hours of sessions, days of stays.</summary>
public sealed record StudySummaryView(int Year, int Records, decimal Hours, int Days);

public sealed record PostingView(int Id, PostingKind Kind, string Place, DateOnly From, DateOnly? To);

public sealed record AssessmentView(int Year, string Grade);

/// <summary>One entry with its postings, results noted, the evaluations module's results and the year's study.</summary>
public sealed record ReserveCadreView(
    ReserveCadreRow Entry, int OrganizationId, string OrganizationName, string? EntryReason, int Version, IReadOnlyList<PostingView> Postings,
    IReadOnlyList<AssessmentView> Assessments, IReadOnlyList<EvaluationGradeView> EvaluationGrades, StudySummaryView Study,
    IReadOnlyList<CadreFlag> Flags, bool CanWrite);
