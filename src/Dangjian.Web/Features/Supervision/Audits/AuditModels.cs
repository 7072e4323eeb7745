using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Supervision.Audits;

/// <summary>Strings of the economic-responsibility audit pages and export (EconomicAuditText.resx, EconomicAuditText.en.resx).</summary>
public sealed class EconomicAuditText;

// ---- Requests

/// <summary>Plans an audit of a leader's period in post at an organization.</summary>
public sealed record PlanAuditRequest(int? OrganizationId, int? PersonId, EconomicAuditKind? Kind, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? PlannedOn);

/// <summary>A step with a day (进点); today when not given.</summary>
public sealed record AuditDayRequest(DateOnly? On, int Version);

/// <summary>A problem the audit found.</summary>
public sealed record AddFindingRequest(string? Text, int Version);

/// <summary>The report's conclusion and its day.</summary>
public sealed record CompleteAuditRequest(string? Conclusion, DateOnly? On, int Version);

/// <summary>What was done about one finding, and when.</summary>
public sealed record RectifyFindingRequest(string? Measure, DateOnly? On, int Version);

// ---- Views

public sealed record AuditFindingView(int Id, string Text, string? Measure, DateOnly? RectifiedOn);

/// <summary>One audit with its findings; <see cref="IsRectified"/> once completed and every finding rectified.</summary>
public sealed record AuditView(
    int Id, int OrganizationId, string OrganizationName, int PersonId, string PersonName, EconomicAuditKind Kind, DateOnly PeriodFrom, DateOnly PeriodTo,
    DateOnly PlannedOn, EconomicAuditStatus Status, DateOnly? StartedOn, DateOnly? CompletedOn, string? Conclusion, IReadOnlyList<AuditFindingView> Findings,
    bool IsRectified, int Version);

/// <summary>A page of a subtree's audits and whether the caller may record audits here.</summary>
public sealed record AuditListView(int OrganizationId, string OrganizationName, Paged<AuditView> Items, bool CanRecord);

/// <summary>A secretary who left their post (the day before the next team started) with no departure audit covering that day.</summary>
public sealed record DepartureWithoutAuditView(int PersonId, string PersonName, int OrganizationId, string OrganizationName, DateOnly LastDay);

/// <summary>The subtree's departures from <see cref="Since"/> to <see cref="AsOf"/> with no departure audit (SUP-3).</summary>
public sealed record DeparturesView(int OrganizationId, DateOnly Since, DateOnly AsOf, IReadOnlyList<DepartureWithoutAuditView> Items);

/// <summary>One audit and whether the caller may record its steps.</summary>
public sealed record AuditDetail(AuditView Audit, bool CanRecord);
