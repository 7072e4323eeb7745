using Dangjian.Domain.Delegates;
using Dangjian.Web.Features.Delegates.Duties;
using Dangjian.Web.Features.Delegates.Proposals;
using Dangjian.Web.Features.Delegates.Roster;

namespace Dangjian.Web.Features.Delegates;

/// <summary>Strings of the delegates' pages and exports (DelegatesText.resx, DelegatesText.en.resx).</summary>
public sealed class DelegatesText;

/// <summary>
/// /api/v1/delegates: 党代表常任制 (seed 001) — the roster of congress terms, delegations and delegates (DEL-1) and their
/// proposals (DEL-2). Registered from HostSetup with one line each.
/// </summary>
public static class DelegatesEndpoints
{
    public const string Route = "/api/v1/delegates";

    public static IServiceCollection AddDelegates(this IServiceCollection services) =>
        services.AddSingleton(ProposalRules.Defaults)
            .AddScoped<RosterQueries>().AddScoped<RosterCommands>().AddScoped<RosterExport>()
            .AddScoped<ProposalQueries>().AddScoped<ProposalCommands>().AddScoped<ProposalExport>()
            .AddSingleton(DelegateMotionRules.Defaults)
            .AddScoped<ActivityQueries>().AddScoped<ActivityCommands>().AddScoped<MotionQueries>().AddScoped<MotionCommands>().AddScoped<DutyExport>();

    public static void MapDelegatesEndpoints(this IEndpointRouteBuilder app)
    {
        RosterEndpoints.Map(app);
        ProposalEndpoints.Map(app);
        DutyEndpoints.Map(app);
    }
}
