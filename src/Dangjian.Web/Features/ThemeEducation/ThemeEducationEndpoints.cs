using Dangjian.Domain.Accounts;
using Dangjian.Domain.ThemeEducation;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.ThemeEducation;

/// <summary>
/// /api/v1/theme-education/campaigns: theme education campaigns (主题教育, MTG-13) — the plan (phases and required
/// activities, edited in draft), launch and close, organizations' reports, completion over a subtree and the overdue list.
/// <c>asOf</c> is the day completion is read at (today by default); an activity is overdue from the day after its due day.
/// </summary>
public static class ThemeEducationEndpoints
{
    public const string Route = "/api/v1/theme-education/campaigns";

    public static IServiceCollection AddThemeEducation(this IServiceCollection services) =>
        services.AddScoped<ThemeEducationQueries>().AddScoped<ThemeCampaignCommands>().AddScoped<ThemeReportCommands>().AddScoped<ThemeEducationExport>();

    public static void MapThemeEducationEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("ThemeEducation");
        g.MapGet("", ListThemeCampaigns).WithName(nameof(ListThemeCampaigns)).RequirePermission(Permission.ThemeEducationRead);
        g.MapPost("", CreateThemeCampaign).WithName(nameof(CreateThemeCampaign)).RequirePermission(Permission.ThemeEducationRun);
        g.MapGet("/{id:int}", GetThemeCampaign).WithName(nameof(GetThemeCampaign)).RequirePermission(Permission.ThemeEducationRead);
        g.MapPut("/{id:int}", UpdateThemeCampaign).WithName(nameof(UpdateThemeCampaign)).RequirePermission(Permission.ThemeEducationRun);
        g.MapPost("/{id:int}/phases", AddThemePhase).WithName(nameof(AddThemePhase)).RequirePermission(Permission.ThemeEducationRun);
        g.MapDelete("/{id:int}/phases/{phaseId:int}", RemoveThemePhase).WithName(nameof(RemoveThemePhase)).RequirePermission(Permission.ThemeEducationRun);
        g.MapPost("/{id:int}/phases/{phaseId:int}/activities", AddRequiredActivity).WithName(nameof(AddRequiredActivity)).RequirePermission(Permission.ThemeEducationRun);
        g.MapDelete("/{id:int}/activities/{activityId:int}", RemoveRequiredActivity).WithName(nameof(RemoveRequiredActivity)).RequirePermission(Permission.ThemeEducationRun);
        g.MapPost("/{id:int}/launch", LaunchThemeCampaign).WithName(nameof(LaunchThemeCampaign)).RequirePermission(Permission.ThemeEducationRun);
        g.MapPost("/{id:int}/close", CloseThemeCampaign).WithName(nameof(CloseThemeCampaign)).RequirePermission(Permission.ThemeEducationRun);
        g.MapPost("/{id:int}/activities/{activityId:int}/reports", ReportThemeActivity).WithName(nameof(ReportThemeActivity)).RequirePermission(Permission.ThemeEducationReport);
        g.MapGet("/{id:int}/reports", GetThemeOrganizationReports).WithName(nameof(GetThemeOrganizationReports)).RequirePermission(Permission.ThemeEducationRead);
        g.MapGet("/{id:int}/progress", GetThemeProgress).WithName(nameof(GetThemeProgress)).RequirePermission(Permission.ThemeEducationRead);
        g.MapGet("/{id:int}/overdue", ListThemeOverdue).WithName(nameof(ListThemeOverdue)).RequirePermission(Permission.ThemeEducationRead);
        g.MapGet("/{id:int}/export", ExportThemeProgress).WithName(nameof(ExportThemeProgress)).RequirePermission(Permission.ThemeEducationRead);
    }

    /// <summary>The campaigns the caller sees: of their subtree, and those their organizations take part in.</summary>
    public static async Task<Ok<ThemeCampaignList>> ListThemeCampaigns(
        ThemeEducationQueries q, string? search, ThemeCampaignStatus? status, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(search, status, page, pageSize, ct));

    public static async Task<Ok<ThemeCampaignView>> CreateThemeCampaign(ThemeCampaignCommands c, CreateThemeCampaignRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CreateAsync(request, ct));

    public static async Task<Ok<ThemeCampaignView>> GetThemeCampaign(ThemeEducationQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(id, ct));

    /// <summary>Title, theme and days, in draft only; every phase must stay inside the days.</summary>
    public static async Task<Ok<ThemeCampaignView>> UpdateThemeCampaign(ThemeCampaignCommands c, int id, UpdateThemeCampaignRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.UpdateAsync(id, request, ct));

    /// <summary>A phase inside the campaign's days, overlapping no other; in draft only.</summary>
    public static async Task<Ok<ThemeCampaignView>> AddThemePhase(ThemeCampaignCommands c, int id, AddThemePhaseRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AddPhaseAsync(id, request, ct));

    /// <summary>Removes a phase and its activities; <c>version</c> is the campaign's as the caller saw it.</summary>
    public static async Task<Ok<ThemeCampaignView>> RemoveThemePhase(ThemeCampaignCommands c, int id, int phaseId, int? version, CancellationToken ct) =>
        TypedResults.Ok(await c.RemovePhaseAsync(id, phaseId, version, ct));

    /// <summary>A required activity due inside its phase, for one or more levels of organization; in draft only.</summary>
    public static async Task<Ok<ThemeCampaignView>> AddRequiredActivity(
        ThemeCampaignCommands c, int id, int phaseId, AddRequiredActivityRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AddActivityAsync(id, phaseId, request, ct));

    public static async Task<Ok<ThemeCampaignView>> RemoveRequiredActivity(ThemeCampaignCommands c, int id, int activityId, int? version, CancellationToken ct) =>
        TypedResults.Ok(await c.RemoveActivityAsync(id, activityId, version, ct));

    /// <summary>Draft → launched: the plan is fixed and organizations report; at least one phase and one activity.</summary>
    public static async Task<Ok<ThemeCampaignView>> LaunchThemeCampaign(ThemeCampaignCommands c, int id, ThemeVersionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.LaunchAsync(id, request, ct));

    /// <summary>Launched → closed: reports are no longer taken.</summary>
    public static async Task<Ok<ThemeCampaignView>> CloseThemeCampaign(ThemeCampaignCommands c, int id, ThemeVersionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CloseAsync(id, request, ct));

    /// <summary>An organization reports an activity done (or corrects its report, with that report's version).</summary>
    public static async Task<Ok<ThemeActivityReportView>> ReportThemeActivity(
        ThemeReportCommands c, int id, int activityId, ReportThemeActivityRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ReportAsync(id, activityId, request, ct));

    /// <summary>What an organization owes in the campaign, where each activity stands today and its reports.</summary>
    public static async Task<Ok<OrganizationThemeView>> GetThemeOrganizationReports(ThemeEducationQueries q, int id, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.OrganizationAsync(id, organizationId, ct));

    /// <summary>Completion over an organization's subtree at a day: overall, by the organizations under it, by activity.</summary>
    public static async Task<Ok<ThemeProgressView>> GetThemeProgress(ThemeEducationQueries q, int id, int? organizationId, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await q.ProgressAsync(id, organizationId, asOf, ct));

    /// <summary>Activities not done by their due day in the subtree, at a day (overdue from the day after the due day).</summary>
    public static async Task<Ok<Paged<ThemeOverdueRow>>> ListThemeOverdue(
        ThemeEducationQueries q, int id, int? organizationId, DateOnly? asOf, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.OverdueAsync(id, organizationId, asOf, page, pageSize, ct));

    /// <summary>The completion grid, by organization and overdue list as .xlsx.</summary>
    public static async Task<FileContentHttpResult> ExportThemeProgress(
        ThemeEducationExport export, OrgClock clock, int id, int? organizationId, DateOnly? asOf, CancellationToken ct) =>
        ExcelFile.Result(await export.GridAsync(id, organizationId, asOf, ct), "theme-education", clock);
}
