using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Supervision.Reports;

/// <summary>
/// /api/v1/supervision/reports: the report box (举报, SUP-1) as staff handle it (Supervision.Reports). The public side is
/// two static pages: the form /public/report and the follow-up /public/report/follow.
/// </summary>
public static class ReportEndpoints
{
    public const string Route = "/api/v1/supervision/reports";

    /// <summary>The public form's path; the follow-up page is under it.</summary>
    public const string PublicPath = "/public/report";

    public const string FollowPath = "/public/report/follow";

    /// <summary>The rate limit policy of both public forms (filing and following), per client address.</summary>
    public const string PublicPolicy = "report-box";

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, ReportRateLimitPolicy>(PublicPolicy));
        services.AddHostedService<ReportBoxHistoryService>();
        return services.AddScoped<ReportBox>().AddScoped<ReportQueries>().AddScoped<ReportCommands>().AddScoped<ReportExport>();
    }

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Supervision");
        g.MapGet("", ListReportBoxCases).WithName(nameof(ListReportBoxCases)).RequirePermission(Permission.SupervisionReports);
        g.MapGet("/export", ExportReportBoxCases).WithName(nameof(ExportReportBoxCases)).RequirePermission(Permission.SupervisionReports);
        g.MapGet("/{caseId}", GetReportBoxCase).WithName(nameof(GetReportBoxCase)).RequirePermission(Permission.SupervisionReports);
        g.MapPost("/{caseId}/accept", AcceptReportBoxCase).WithName(nameof(AcceptReportBoxCase)).RequirePermission(Permission.SupervisionReports);
        g.MapPost("/{caseId}/assign", AssignReportBoxCase).WithName(nameof(AssignReportBoxCase)).RequirePermission(Permission.SupervisionReports);
        g.MapPost("/{caseId}/investigate", InvestigateReportBoxCase).WithName(nameof(InvestigateReportBoxCase)).RequirePermission(Permission.SupervisionReports);
        g.MapPost("/{caseId}/conclude", ConcludeReportBoxCase).WithName(nameof(ConcludeReportBoxCase)).RequirePermission(Permission.SupervisionReports);
        g.MapPost("/{caseId}/answers", AnswerReportBoxCase).WithName(nameof(AnswerReportBoxCase)).RequirePermission(Permission.SupervisionReports);
        g.MapPost("/{caseId}/refer", ReferReportBoxCase).WithName(nameof(ReferReportBoxCase)).RequirePermission(Permission.SupervisionReports);
    }

    /// <summary>A page of the cases in scope (or under <c>organizationId</c>), of a status, found by case number or cadre name.</summary>
    public static async Task<Ok<Paged<ReportCaseRow>>> ListReportBoxCases(
        ReportQueries q, int? organizationId, ReportCaseStatus? status, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, status, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportReportBoxCases(
        ReportExport export, OrgClock clock, int? organizationId, ReportCaseStatus? status, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.LedgerAsync(organizationId, status, search, ct), "reports", clock);

    public static async Task<Ok<ReportCaseView>> GetReportBoxCase(ReportQueries q, Guid caseId, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(caseId, ct));

    /// <summary>受理 a filed case; out of order is a 400 on <c>status</c>, a stale version a 409.</summary>
    public static async Task<Ok<ReportCaseView>> AcceptReportBoxCase(ReportCommands c, ReportQueries q, Guid caseId, ReportStepRequest request, CancellationToken ct)
    {
        await c.AcceptAsync(caseId, request, ct);
        return TypedResults.Ok(await q.GetAsync(caseId, ct));
    }

    /// <summary>交办 an accepted case to a named handler.</summary>
    public static async Task<Ok<ReportCaseView>> AssignReportBoxCase(ReportCommands c, ReportQueries q, Guid caseId, AssignReportRequest request, CancellationToken ct)
    {
        await c.AssignAsync(caseId, request, ct);
        return TypedResults.Ok(await q.GetAsync(caseId, ct));
    }

    /// <summary>调查核实 of an assigned case done.</summary>
    public static async Task<Ok<ReportCaseView>> InvestigateReportBoxCase(ReportCommands c, ReportQueries q, Guid caseId, ReportStepRequest request, CancellationToken ct)
    {
        await c.InvestigateAsync(caseId, request, ct);
        return TypedResults.Ok(await q.GetAsync(caseId, ct));
    }

    /// <summary>办结 an investigated case with its result, which the reporter reads.</summary>
    public static async Task<Ok<ReportCaseView>> ConcludeReportBoxCase(ReportCommands c, ReportQueries q, Guid caseId, ConcludeReportRequest request, CancellationToken ct)
    {
        await c.ConcludeAsync(caseId, request, ct);
        return TypedResults.Ok(await q.GetAsync(caseId, ct));
    }

    /// <summary>移交选举 (ELE-14): an accepted report about an election becomes that election's misconduct case (Elections.Run there too).</summary>
    public static async Task<Ok<ReportCaseView>> ReferReportBoxCase(ReportCommands c, ReportQueries q, Guid caseId, ReferReportRequest request, CancellationToken ct)
    {
        await c.ReferToElectionAsync(caseId, request, ct);
        return TypedResults.Ok(await q.GetAsync(caseId, ct));
    }

    /// <summary>答复: an answer the reporter reads with the secret, at any stage.</summary>
    public static async Task<Ok<ReportCaseView>> AnswerReportBoxCase(ReportCommands c, ReportQueries q, Guid caseId, AnswerReportRequest request, CancellationToken ct)
    {
        await c.AnswerAsync(caseId, request, ct);
        return TypedResults.Ok(await q.GetAsync(caseId, ct));
    }
}

/// <summary>
/// Filings and follow-ups of the report box per client address per minute, the setting of the other anonymous forms
/// ("Dangjian:OpinionSubmissionsPerMinute") with counters of its own; reading the pages is not limited. A follow-up
/// costs a slow hash, and the limit also bounds how fast anyone can try secrets.
/// </summary>
public sealed class ReportRateLimitPolicy(IOptions<DangjianOptions> options) : PostRateLimitPolicy
{
    protected override string Prefix => ReportEndpoints.PublicPolicy;

    protected override int PermitsPerMinute => options.Value.OpinionSubmissionsPerMinute;

    protected override string RefusalText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<ReportText>>()["Public.TooMany"];
}
