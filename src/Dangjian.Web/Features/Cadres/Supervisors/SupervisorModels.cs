using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Cadres.Supervisors;

/// <summary>Strings of the work-supervisor pages and export (WorkSupervisorText.resx, WorkSupervisorText.en.resx).</summary>
public sealed class WorkSupervisorText;

/// <summary>Appoints a person as a cadre-work supervisor of the organization (the department), from a day; today when not given.</summary>
public sealed record AppointSupervisorRequest(int? OrganizationId, int? PersonId, DateOnly? AppointedOn);

/// <summary>A unit to attach (联系单位).</summary>
public sealed record SupervisorUnitRequest(int? UnitId, int Version);

/// <summary>Detaching a unit, or a step that only needs the version.</summary>
public sealed record SupervisorVersionRequest(int Version);

/// <summary>The report for one period (year, period 1-based), its text and the day it was handed in (today when not given).</summary>
public sealed record SupervisorReportRequest(int? Year, int? Period, string? Text, DateOnly? SubmittedOn, int Version);

/// <summary>Ends the appointment on its last day.</summary>
public sealed record EndSupervisorRequest(DateOnly? On, int Version);

public sealed record SupervisorUnitView(int UnitId, string Name);

public sealed record SupervisorReportView(int Id, int Year, int Period, DateOnly SubmittedOn, string Text);

/// <summary>A report owed: the period and the day it fell due.</summary>
public sealed record OverdueReportView(int Year, int Period, DateOnly Due);

/// <summary>One supervisor: their units, reports (newest first) and the reports overdue on the day read.</summary>
public sealed record SupervisorView(
    int Id, int OrganizationId, string OrganizationName, int PersonId, string PersonName, DateOnly AppointedOn, DateOnly? EndedOn,
    IReadOnlyList<SupervisorUnitView> Units, IReadOnlyList<SupervisorReportView> Reports, IReadOnlyList<OverdueReportView> Overdue, int Version);

/// <summary>A page of the roster, the day overdue reports were judged on, and whether the caller may change it.</summary>
public sealed record SupervisorListView(int OrganizationId, string OrganizationName, DateOnly On, int ReportMonths, int GraceDays, Paged<SupervisorView> Items, bool CanWrite);

public sealed record SupervisorDetail(SupervisorView Supervisor, int ReportMonths, bool CanWrite);

/// <summary>A unit of the organization's area that may be attached.</summary>
public sealed record SupervisorUnitOption(int Id, string Name);
