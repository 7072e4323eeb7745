using Dangjian.Domain.Accounts;
using Dangjian.Domain.Services;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Services.Requests;

/// <summary>
/// /api/v1/services/requests: 三服务 service requests (ORG-8). An organization raises a need to the level above
/// (Services.Raise), which takes it up, answers and closes it (Services.Answer on the organization it is raised to); the
/// raiser may withdraw it before it is taken up and reopen an answer once. Lists cover the requests raised by or to the
/// organizations in scope; <c>overdue=true</c> keeps those past their take-up or answer day today.
/// </summary>
public static class ServiceRequestEndpoints
{
    public const string Route = "/api/v1/services/requests";

    public static IServiceCollection AddServiceRequests(this IServiceCollection services) =>
        services.AddScoped<ServiceRequestQueries>().AddScoped<ServiceRequestCommands>().AddScoped<ServiceRequestExport>();

    public static void MapServiceRequestEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Services");
        g.MapGet("", ListServiceRequests).WithName(nameof(ListServiceRequests)).RequirePermission(Permission.ServicesRead);
        g.MapGet("/export", ExportServiceRequests).WithName(nameof(ExportServiceRequests)).RequirePermission(Permission.ServicesRead);
        g.MapGet("/stats", ServiceRequestStats).WithName(nameof(ServiceRequestStats)).RequirePermission(Permission.ServicesRead);
        g.MapGet("/{id:int}", GetServiceRequest).WithName(nameof(GetServiceRequest)).RequirePermission(Permission.ServicesRead);
        g.MapPost("", RaiseServiceNeed).WithName(nameof(RaiseServiceNeed)).RequirePermission(Permission.ServicesRaise);
        g.MapPost("/{id:int}/withdraw", WithdrawServiceRequest).WithName(nameof(WithdrawServiceRequest)).RequirePermission(Permission.ServicesRaise);
        g.MapPost("/{id:int}/reopen", ReopenServiceRequest).WithName(nameof(ReopenServiceRequest)).RequirePermission(Permission.ServicesRaise);
        g.MapPost("/{id:int}/take-up", TakeUpServiceRequest).WithName(nameof(TakeUpServiceRequest)).RequirePermission(Permission.ServicesAnswer);
        g.MapPost("/{id:int}/answer", AnswerServiceRequest).WithName(nameof(AnswerServiceRequest)).RequirePermission(Permission.ServicesAnswer);
        g.MapPost("/{id:int}/close", CloseServiceRequest).WithName(nameof(CloseServiceRequest)).RequirePermission(Permission.ServicesAnswer);
    }

    public static async Task<Ok<ServiceRequestList>> ListServiceRequests(
        ServiceRequestQueries q, int? organizationId, ServiceRequestStatus? status, ServiceKind? kind, bool? overdue, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(new(organizationId, status, kind, overdue, search), page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportServiceRequests(
        ServiceRequestExport export, OrgClock clock, int? organizationId, ServiceRequestStatus? status, ServiceKind? kind, bool? overdue, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.RequestsAsync(new(organizationId, status, kind, overdue, search), ct), "service-requests", clock);

    /// <summary>Per level the response and closing times, per organization below the open and overdue counts, and the overdue list.</summary>
    public static async Task<Ok<ServiceStatsView>> ServiceRequestStats(ServiceRequestQueries q, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.StatsAsync(organizationId, ct));

    public static async Task<Ok<ServiceRequestView>> GetServiceRequest(ServiceRequestQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(id, ct));

    /// <summary>Raises a need to the raiser's parent; the district committee has none (400 on <c>organizationId</c>).</summary>
    public static async Task<Ok<ServiceRequestView>> RaiseServiceNeed(ServiceRequestCommands c, RaiseServiceRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RaiseAsync(request, ct));

    public static async Task<Ok<ServiceRequestView>> WithdrawServiceRequest(ServiceRequestCommands c, int id, ServiceReasonRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.WithdrawAsync(id, request, ct));

    public static async Task<Ok<ServiceRequestView>> ReopenServiceRequest(ServiceRequestCommands c, int id, ServiceReasonRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ReopenAsync(id, request, ct));

    public static async Task<Ok<ServiceRequestView>> TakeUpServiceRequest(ServiceRequestCommands c, int id, ServiceStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.TakeUpAsync(id, request, ct));

    public static async Task<Ok<ServiceRequestView>> AnswerServiceRequest(ServiceRequestCommands c, int id, ServiceAnswerRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AnswerAsync(id, request, ct));

    public static async Task<Ok<ServiceRequestView>> CloseServiceRequest(ServiceRequestCommands c, int id, ServiceStepRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.CloseAsync(id, request, ct));
}
