using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Home;

public sealed record KindCount(OrganizationKind Kind, int Count);

/// <summary>The counts on the home page, for the caller's scope.</summary>
public sealed record DashboardView(
    IReadOnlyList<KindCount> Organizations,
    int FullMembers,
    int ProbationaryMembers,
    int Residents,
    int TermsEndingSoon,
    int TermsOverdue,
    int UncoveredUnits,
    bool SeesPeople);

/// <summary>Strings of the home page (HomeText.resx, HomeText.en.resx).</summary>
public sealed class HomeText;

public sealed class Dashboard(DangjianDbContext db, ScopeService scopes, TeamQueries teams)
{
    public async Task<DashboardView> GetAsync(CancellationToken ct = default)
    {
        var orgs = (await scopes.OrganizationsAsync(Permission.OrganizationsRead, ct)).Where(o => o.Status == OrganizationStatus.Active);
        var kinds = await orgs.GroupBy(o => o.Kind).Select(g => new KindCount(g.Key, g.Count())).ToListAsync(ct);
        var peopleOrgs = (await scopes.OrganizationsAsync(Permission.PeopleRead, ct)).Select(o => o.Id);
        var statuses = await db.People.AsNoTracking().Where(p => !p.IsRemoved && peopleOrgs.Contains(p.OrganizationId))
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var expiring = await teams.ExpiringAsync(TeamQueries.DefaultExpiryMonths, ct);
        var areaIds = orgs.Select(o => o.Id);
        var uncovered = await db.Units.AsNoTracking().CountAsync(u => areaIds.Contains(u.AreaOrganizationId)
            && (u.OrganizationId == null || db.Organizations.Any(o => o.Id == u.OrganizationId && o.Status == OrganizationStatus.Dissolved)), ct);
        var scope = await scopes.GetAsync(ct);
        return new DashboardView(
            kinds.OrderBy(k => k.Kind).ToList(),
            statuses.GetValueOrDefault(MemberStatus.Full),
            statuses.GetValueOrDefault(MemberStatus.Probationary),
            statuses.GetValueOrDefault(MemberStatus.Resident),
            expiring.Count(e => e.State == Domain.Teams.TermExpiryState.EndingSoon),
            expiring.Count(e => e.State == Domain.Teams.TermExpiryState.Overdue),
            uncovered,
            scope.Roots(Permission.PeopleRead).Count > 0);
    }
}

public static class DashboardEndpoints
{
    public static IServiceCollection AddHome(this IServiceCollection services) => services.AddScoped<Dashboard>().AddScoped<Due.DueSummary>();

    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dashboard", GetDashboard).WithTags("Dashboard").WithName(nameof(GetDashboard)).RequirePermission(Permission.OrganizationsRead);
        app.MapGet("/api/v1/dashboard/due", GetDue).WithTags("Dashboard").WithName(nameof(GetDue)).RequirePermission(Permission.OrganizationsRead);
    }

    public static async Task<Ok<DashboardView>> GetDashboard(Dashboard dashboard, CancellationToken ct) => TypedResults.Ok(await dashboard.GetAsync(ct));

    /// <summary>What is due across the modules (RPT-1), for the organization's subtree or the caller's whole scope.</summary>
    public static async Task<Ok<Due.DueSummaryView>> GetDue(Due.DueSummary due, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await due.GetAsync(organizationId, ct));
}
