using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Meetings.Compliance;

/// <summary>/api/v1/meetings/compliance: the 三会一课 dashboard, its export and the drill-down (MTG-9).</summary>
public static class ComplianceEndpoints
{
    public static IServiceCollection AddMeetingCompliance(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ComplianceOptions>().Bind(config.GetSection(ComplianceOptions.Section))
            .Validate(o => o.Requirements.All(k => k.Value.Values.All(Enum.IsDefined)), "Meetings:Compliance:Requirements: each frequency must be Monthly, Quarterly, HalfYearly or Yearly.")
            .ValidateOnStart();
        return services.AddScoped<ComplianceQueries>().AddScoped<ComplianceExport>();
    }

    public static void MapMeetingComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/meetings").WithTags("三会一课 compliance");
        g.MapGet("/compliance", GetCompliance).WithName(nameof(GetCompliance)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/compliance.xlsx", ExportCompliance).WithName(nameof(ExportCompliance)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/compliance/{organizationId:int}", GetOrganizationCompliance).WithName(nameof(GetOrganizationCompliance)).RequirePermission(Permission.MeetingsRead);
    }

    /// <summary>asOf (yyyy-MM-dd) is the reference day, today when left out.</summary>
    public static async Task<Ok<ComplianceOverview>> GetCompliance(
        ComplianceQueries q, int? townshipId, MeetingType? type, bool? overdueOnly, DateOnly? asOf, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.OverviewAsync(new ComplianceFilter(townshipId, type, overdueOnly ?? false, asOf), page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportCompliance(
        ComplianceExport export, int? townshipId, MeetingType? type, bool? overdueOnly, DateOnly? asOf, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(new ComplianceFilter(townshipId, type, overdueOnly ?? false, asOf), ct), "compliance", clock);

    public static async Task<Ok<OrganizationCompliance>> GetOrganizationCompliance(
        ComplianceQueries q, int organizationId, int? year, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await q.OrganizationAsync(organizationId, year, asOf, ct));
}
