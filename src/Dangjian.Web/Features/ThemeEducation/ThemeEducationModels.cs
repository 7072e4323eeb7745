using Dangjian.Domain.ThemeEducation;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.ThemeEducation;

/// <summary>Strings of the theme education pages and export (ThemeEducationText.resx, ThemeEducationText.en.resx).</summary>
public sealed class ThemeEducationText;

// ---- Requests

/// <summary>A new campaign in draft for the subtree of <c>organizationId</c>.</summary>
public sealed record CreateThemeCampaignRequest(int? OrganizationId, string? Title, string? Theme, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>Title, theme and days of a campaign in draft.</summary>
public sealed record UpdateThemeCampaignRequest(string? Title, string? Theme, DateOnly? StartsOn, DateOnly? EndsOn, int Version);

/// <summary>A phase of a campaign in draft, its days inclusive.</summary>
public sealed record AddThemePhaseRequest(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, int Version);

/// <summary>A required activity of a phase: what, by when, and which levels of organization must do it.</summary>
public sealed record AddRequiredActivityRequest(RequiredActivityKind? Kind, string? Title, DateOnly? DueOn, ThemeActivityLevels? Levels, int Version);

/// <summary>The version the caller saw, for a launch, a close or a removal.</summary>
public sealed record ThemeVersionRequest(int Version);

/// <summary>
/// An organization reports it carried out an activity: the day, a note and, for a problem list or a rectification, the
/// problems found or the measures done, one a line. <c>Version</c> is the organization's earlier report's, when it
/// corrects one (null for a first report).
/// </summary>
public sealed record ReportThemeActivityRequest(int? OrganizationId, DateOnly? DoneOn, string? Note, IReadOnlyList<string>? Lines, int? Version);

// ---- Views

/// <summary>A campaign in the list.</summary>
public sealed record ThemeCampaignRow(
    int Id, int OrganizationId, string OrganizationName, string Title, string Theme, DateOnly StartsOn, DateOnly EndsOn, ThemeCampaignStatus Status,
    int Phases, int Activities);

/// <summary>The campaigns the caller sees (those of their subtree and those their organizations take part in), and whether they may start one.</summary>
public sealed record ThemeCampaignList(Paged<ThemeCampaignRow> Campaigns, bool CanCreate);

public sealed record RequiredActivityView(int Id, int PhaseId, RequiredActivityKind Kind, string Title, DateOnly DueOn, ThemeActivityLevels Levels);

/// <summary>A phase with its place in the order (1, 2, …) and its activities by due day.</summary>
public sealed record ThemePhaseView(int Id, int Order, string Name, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<RequiredActivityView> Activities);

/// <summary>A campaign with its plan, and what the caller may do with it.</summary>
public sealed record ThemeCampaignView(
    int Id, int OrganizationId, string OrganizationName, string Title, string Theme, DateOnly StartsOn, DateOnly EndsOn, ThemeCampaignStatus Status,
    int Version, IReadOnlyList<ThemePhaseView> Phases, bool CanRun, bool CanReport);

/// <summary>Required (organization × activity) pairs, those done, those overdue, and the percent done.</summary>
public sealed record ThemeCompletionView(int Required, int Done, int Overdue, int Percent)
{
    public static ThemeCompletionView Of(ThemeCompletion c) => new(c.Required, c.Done, c.Overdue, c.Percent);
}

/// <summary>Completion of one organization directly under the one asked about (a township under the district), over its subtree.</summary>
public sealed record ThemeProgressLine(int OrganizationId, string OrganizationName, ThemeCompletionView Completion);

/// <summary>Completion of one activity over the subtree.</summary>
public sealed record ThemeActivityProgress(int ActivityId, string Title, RequiredActivityKind Kind, DateOnly DueOn, ThemeCompletionView Completion);

/// <summary>A campaign's completion over an organization's subtree at a day: the whole, by the organizations under it, by activity.</summary>
public sealed record ThemeProgressView(
    int CampaignId, int OrganizationId, string OrganizationName, DateOnly AsOf, ThemeCompletionView Completion,
    IReadOnlyList<ThemeProgressLine> ByOrganization, IReadOnlyList<ThemeActivityProgress> ByActivity);

/// <summary>An activity an organization has not done by its due day: overdue from the day after.</summary>
public sealed record ThemeOverdueRow(
    int OrganizationId, string OrganizationName, int ActivityId, string ActivityTitle, RequiredActivityKind Kind, DateOnly DueOn, int DaysOverdue);

/// <summary>A report of an activity.</summary>
public sealed record ThemeActivityReportView(int Id, int ActivityId, int OrganizationId, DateOnly DoneOn, string? Note, IReadOnlyList<string> Lines, int Version);

/// <summary>One activity an organization owes, where it stands today, and its report if any.</summary>
public sealed record OrganizationActivityView(RequiredActivityView Activity, string PhaseName, ActivityState State, bool Late, ThemeActivityReportView? Report);

/// <summary>What one organization owes in a campaign and what it reported: the report form's content.</summary>
public sealed record OrganizationThemeView(
    int CampaignId, string CampaignTitle, ThemeCampaignStatus Status, int OrganizationId, string OrganizationName, IReadOnlyList<OrganizationActivityView> Activities,
    bool CanReport);
