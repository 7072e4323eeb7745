using System.Globalization;
using Dangjian.Data;
using Dangjian.Data.Evaluations;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Features.Evaluations.Voting;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>
/// /api/v1/evaluations: criteria templates, campaigns, subjects, groups, the announcement, open and close, sampling
/// and codes (EVA-1 … EVA-5, EVA-8). The public form is the page /public/evaluations/{groupId}.
/// </summary>
public static class CampaignEndpoints
{
    public static IServiceCollection AddEvaluationCampaigns(this IServiceCollection services)
    {
        services.AddScoped<TemplateService>().AddScoped<CampaignQueries>().AddScoped<CampaignCommands>().AddScoped<SubjectCommands>().AddScoped<GroupCommands>()
            .AddScoped<SamplingService>().AddScoped<CodeService>().AddScoped<EvaluationFormService>();
        services.AddHostedService<TemplateSeedService>();
        return services;
    }

    public static void MapEvaluationCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapEvaluationFormPage();
        var g = app.MapGroup("/api/v1/evaluations").WithTags("Evaluations");
        g.MapGet("/templates", ListTemplates).WithName(nameof(ListTemplates)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/templates/{id:int}", GetTemplate).WithName(nameof(GetTemplate)).RequirePermission(Permission.EvaluationsRead);
        g.MapPost("/templates", CreateTemplate).WithName(nameof(CreateTemplate)).RequirePermission(Permission.EvaluationsDesign);
        g.MapPut("/templates/{id:int}", UpdateTemplate).WithName(nameof(UpdateTemplate)).RequirePermission(Permission.EvaluationsDesign);
        g.MapPost("/templates/{id:int}/archive", ArchiveTemplate).WithName(nameof(ArchiveTemplate)).RequirePermission(Permission.EvaluationsDesign);
        g.MapPost("/templates/{id:int}/restore", RestoreTemplate).WithName(nameof(RestoreTemplate)).RequirePermission(Permission.EvaluationsDesign);

        g.MapGet("/", ListCampaigns).WithName(nameof(ListCampaigns)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/export", ExportCampaigns).WithName(nameof(ExportCampaigns)).RequirePermission(Permission.EvaluationsRead);
        g.MapGet("/residents-template", GetResidentsTemplate).WithName(nameof(GetResidentsTemplate)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/", CreateCampaign).WithName(nameof(CreateCampaign)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}", GetCampaign).WithName(nameof(GetCampaign)).RequirePermission(Permission.EvaluationsRead);
        g.MapPut("/{id:int}", UpdateCampaign).WithName(nameof(UpdateCampaign)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/{id:int}/progress", GetCampaignProgress).WithName(nameof(GetCampaignProgress)).RequirePermission(Permission.EvaluationsRead);
        g.MapPost("/{id:int}/announce", AnnounceCampaign).WithName(nameof(AnnounceCampaign)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/open", OpenCampaign).WithName(nameof(OpenCampaign)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/close", CloseCampaign).WithName(nameof(CloseCampaign)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);

        g.MapPost("/{id:int}/subjects", AddSubject).WithName(nameof(AddSubject)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/subjects/bulk", AddSubjects).WithName(nameof(AddSubjects)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPut("/{id:int}/subjects/order", ReorderSubjects).WithName(nameof(ReorderSubjects)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapDelete("/subjects/{subjectId:int}", RemoveSubject).WithName(nameof(RemoveSubject)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);

        g.MapPost("/{id:int}/groups", AddGroup).WithName(nameof(AddGroup)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/{id:int}/groups/defaults", AddDefaultGroups).WithName(nameof(AddDefaultGroups)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPut("/groups/{groupId:int}", UpdateGroup).WithName(nameof(UpdateGroup)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapDelete("/groups/{groupId:int}", RemoveGroup).WithName(nameof(RemoveGroup)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapGet("/groups/{groupId:int}/sample", GetSample).WithName(nameof(GetSample)).RequirePermission(Permission.EvaluationsRead);
        g.MapPost("/groups/{groupId:int}/draw", DrawMembers).WithName(nameof(DrawMembers)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
        g.MapPost("/groups/{groupId:int}/draw/residents", DrawResidents).WithName(nameof(DrawResidents)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview).AcceptsExcel();
        g.MapPost("/groups/{groupId:int}/codes", IssueEvaluationCodes).WithName(nameof(IssueEvaluationCodes)).RequirePermission(Permission.EvaluationsRun, Permission.EvaluationsRunMemberReview);
    }

    // Templates
    public static async Task<Ok<IReadOnlyList<TemplateRow>>> ListTemplates(TemplateService s, bool? includeArchived, CancellationToken ct) =>
        TypedResults.Ok(await s.ListAsync(includeArchived ?? false, ct));

    public static async Task<Ok<TemplateView>> GetTemplate(TemplateService s, int id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    public static async Task<Created<TemplateView>> CreateTemplate(TemplateService s, TemplateRequest request, CancellationToken ct)
    {
        var t = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/evaluations/templates/{t.Id}", t);
    }

    public static async Task<Ok<TemplateView>> UpdateTemplate(TemplateService s, int id, TemplateRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));

    public static async Task<Ok<TemplateView>> ArchiveTemplate(TemplateService s, int id, StatusRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.ArchiveAsync(id, true, request.Version, ct));

    public static async Task<Ok<TemplateView>> RestoreTemplate(TemplateService s, int id, StatusRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.ArchiveAsync(id, false, request.Version, ct));

    // Campaigns
    public static async Task<Ok<Paged<CampaignRow>>> ListCampaigns(
        CampaignQueries q, int? year, CampaignKind? kind, CampaignStatus? status, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(year, kind, status, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportCampaigns(
        CampaignQueries q, int? year, CampaignKind? kind, CampaignStatus? status, string? search, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await q.ExportAsync(year, kind, status, search, ct), "evaluations", clock);

    public static async Task<FileContentHttpResult> GetResidentsTemplate(SamplingService s, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await s.ResidentsTemplateAsync(ct), "residents-template", clock);

    public static async Task<Created<CampaignView>> CreateCampaign(CampaignCommands c, CampaignQueries q, CreateCampaignRequest request, CancellationToken ct)
    {
        var id = await c.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/evaluations/{id}", await q.GetAsync(id, ct));
    }

    public static async Task<Ok<CampaignView>> GetCampaign(CampaignQueries q, int id, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(id, ct));

    public static async Task<Ok<CampaignView>> UpdateCampaign(CampaignCommands c, CampaignQueries q, int id, UpdateCampaignRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<CampaignProgress>> GetCampaignProgress(CampaignQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.ProgressAsync(id, ct));

    public static async Task<Ok<CampaignView>> AnnounceCampaign(CampaignCommands c, CampaignQueries q, int id, AnnounceRequest request, CancellationToken ct)
    {
        await c.AnnounceAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<CampaignView>> OpenCampaign(CampaignCommands c, CampaignQueries q, int id, StatusRequest request, CancellationToken ct)
    {
        await c.OpenAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<CampaignView>> CloseCampaign(CampaignCommands c, CampaignQueries q, int id, StatusRequest request, CancellationToken ct)
    {
        await c.CloseAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    // Subjects
    public static async Task<Ok<CampaignView>> AddSubject(SubjectCommands c, CampaignQueries q, int id, SubjectRequest request, CancellationToken ct)
    {
        await c.AddSubjectAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<BulkSubjectsResult>> AddSubjects(SubjectCommands c, int id, BulkSubjectsRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AddSubjectsAsync(id, request, ct));

    public static async Task<NoContent> ReorderSubjects(SubjectCommands c, int id, ReorderRequest request, CancellationToken ct)
    {
        await c.ReorderSubjectsAsync(id, request, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RemoveSubject(SubjectCommands c, int subjectId, CancellationToken ct)
    {
        await c.RemoveSubjectAsync(subjectId, ct);
        return TypedResults.NoContent();
    }

    // Groups
    public static async Task<Ok<CampaignView>> AddGroup(GroupCommands c, CampaignQueries q, int id, GroupRequest request, CancellationToken ct)
    {
        await c.AddGroupAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<CampaignView>> AddDefaultGroups(GroupCommands c, CampaignQueries q, int id, CancellationToken ct)
    {
        await c.AddDefaultGroupsAsync(id, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<NoContent> UpdateGroup(GroupCommands c, int groupId, GroupRequest request, CancellationToken ct)
    {
        await c.UpdateGroupAsync(groupId, request, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RemoveGroup(GroupCommands c, int groupId, CancellationToken ct)
    {
        await c.RemoveGroupAsync(groupId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SampleView>> GetSample(CampaignQueries q, int groupId, CancellationToken ct) => TypedResults.Ok(await q.SampleAsync(groupId, ct));

    public static async Task<Ok<SampleView>> DrawMembers(SamplingService s, CampaignQueries q, int groupId, DrawMembersRequest request, CancellationToken ct)
    {
        await s.DrawMembersAsync(groupId, request, ct);
        return TypedResults.Ok(await q.SampleAsync(groupId, ct));
    }

    /// <summary>Draws from a residents' list: the request body is the .xlsx file itself (columns 编号, 姓名, 分层).</summary>
    public static async Task<Results<Ok<SampleView>, ProblemHttpResult>> DrawResidents(
        SamplingService s, CampaignQueries q, ExcelUpload upload, HttpContext http, int groupId, int? count, bool? stratified, string? fileName, CancellationToken ct)
    {
        using var body = await upload.ReadAsync(http, ct);
        if (!body.Accepted)
        {
            return body.Refusal;
        }

        await s.DrawResidentsAsync(groupId, body.File, count, stratified ?? false, fileName, ct);
        return TypedResults.Ok(await q.SampleAsync(groupId, ct));
    }

    /// <summary>Issues one-time codes (default: the group's sample size); the answer is the only time they are shown and is never cached.</summary>
    public static async Task<Ok<IssuedEvaluationCodes>> IssueEvaluationCodes(
        CodeService s, IOptions<PublicFormOptions> options, HttpContext http, int groupId, IssueEvaluationCodesRequest request, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        return TypedResults.Ok(await s.IssueAsync(groupId, request.Count, FormAddress(options.Value, http.Request, groupId), ct));
    }

    /// <summary>The public form's address of a group, as printed on its slips: {base}/public/evaluations/{groupId}.</summary>
    public static string FormAddress(PublicFormOptions options, HttpRequest request, int groupId) =>
        PublicForm.Address(options, request, PublicForm.Path("/public/evaluations", groupId));
}

/// <summary>Seeds the default criteria templates at start-up (idempotent; see <see cref="EvaluationTemplateSeed"/>).</summary>
internal sealed class TemplateSeedService(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await EvaluationTemplateSeed.EnsureAsync(scope.ServiceProvider.GetRequiredService<DangjianDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
