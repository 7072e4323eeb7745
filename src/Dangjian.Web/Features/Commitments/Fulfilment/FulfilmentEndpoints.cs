using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Commitments.Fulfilment;

/// <summary>
/// 履 under /api/v1/commitments (CMT-4, CMT-5): an item's fulfilment, its evidence files and progress records, supervisors'
/// comments, the supervisors themselves, and a campaign's reminder list.
/// </summary>
public static class FulfilmentEndpoints
{
    public static IServiceCollection AddFulfilment(this IServiceCollection services) =>
        services.AddScoped<FulfilmentAccess>().AddScoped<EvidenceFiles>().AddScoped<FulfilmentCommands>().AddScoped<SupervisorCommands>().AddScoped<FulfilmentQueries>();

    public static void MapFulfilmentEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(CommitmentEndpoints.Route).WithTags("Commitments");
        g.MapGet("/items/{commitmentId:int}", GetCommitmentItem).WithName(nameof(GetCommitmentItem)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/items/{commitmentId:int}/evidence", UploadCommitmentEvidence).WithName(nameof(UploadCommitmentEvidence)).RequirePermission(Permission.CommitmentsRun);
        g.MapGet("/items/{commitmentId:int}/evidence/{evidenceId:int}", DownloadCommitmentEvidence).WithName(nameof(DownloadCommitmentEvidence)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/items/{commitmentId:int}/progress", RecordCommitmentProgress).WithName(nameof(RecordCommitmentProgress)).RequirePermission(Permission.CommitmentsRun);
        g.MapPost("/items/{commitmentId:int}/supervisor-comments", AddSupervisorComment).WithName(nameof(AddSupervisorComment)).RequirePermission(Permission.CommitmentsSupervise);
        g.MapGet("/supervisors", ListCommitmentSupervisors).WithName(nameof(ListCommitmentSupervisors)).RequirePermission(Permission.CommitmentsRead);
        g.MapPost("/supervisors", RegisterCommitmentSupervisor).WithName(nameof(RegisterCommitmentSupervisor)).RequirePermission(Permission.CommitmentsRun);
        g.MapPost("/supervisors/{supervisorId:int}/end", EndCommitmentSupervisor).WithName(nameof(EndCommitmentSupervisor)).RequirePermission(Permission.CommitmentsRun);
        g.MapGet("/{id:int}/reminders", ListCommitmentReminders).WithName(nameof(ListCommitmentReminders)).RequirePermission(Permission.CommitmentsRead);
    }

    public static async Task<Ok<CommitmentItemDetail>> GetCommitmentItem(FulfilmentQueries q, int commitmentId, CancellationToken ct) =>
        TypedResults.Ok(await q.ItemAsync(commitmentId, ct));

    /// <summary>One file as multipart/form-data, checked against the caller's scope before its bytes are read.</summary>
    public static async Task<Results<Created<EvidenceFileView>, ProblemHttpResult, ValidationProblem>> UploadCommitmentEvidence(
        EvidenceFiles files, FulfilmentQueries q, HttpContext http, IStringLocalizer<RuleText> rules, int commitmentId, CancellationToken ct)
    {
        await files.DemandUploadAsync(commitmentId, ct);
        if (!http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: rules["Commitment.UploadAsMultipart"]);
        }

        // The limit plus room for the multipart framing; the file itself is checked again to the byte.
        if (http.Request.ContentLength > CommitmentEvidenceFile.MaxBytes + (64 * 1024))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: rules["Import.TooLarge", CommitmentEvidenceFile.MaxBytes / (1024 * 1024)]);
        }

        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.Count != 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [rules["Commitment.OneFile"]] });
        }

        var file = form.Files[0];
        var id = await files.UploadAsync(commitmentId, file.FileName, file.Length, file.OpenReadStream, ct);
        var stored = (await q.ItemAsync(commitmentId, ct)).UncitedEvidence.Single(f => f.Id == id);
        return TypedResults.Created($"{CommitmentEndpoints.Route}/items/{commitmentId}/evidence/{id}", stored);
    }

    public static async Task<FileContentHttpResult> DownloadCommitmentEvidence(EvidenceFiles files, int commitmentId, int evidenceId, CancellationToken ct)
    {
        var file = await files.DownloadAsync(commitmentId, evidenceId, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static async Task<Ok<CommitmentItemDetail>> RecordCommitmentProgress(
        FulfilmentCommands c, FulfilmentQueries q, int commitmentId, RecordProgressRequest request, CancellationToken ct)
    {
        await c.RecordProgressAsync(commitmentId, request, ct);
        return TypedResults.Ok(await q.ItemAsync(commitmentId, ct));
    }

    public static async Task<Ok<CommitmentItemDetail>> AddSupervisorComment(
        FulfilmentCommands c, FulfilmentQueries q, int commitmentId, SupervisorCommentRequest request, CancellationToken ct)
    {
        await c.AddSupervisorCommentAsync(commitmentId, request, ct);
        return TypedResults.Ok(await q.ItemAsync(commitmentId, ct));
    }

    public static async Task<Ok<IReadOnlyList<SupervisorView>>> ListCommitmentSupervisors(FulfilmentQueries q, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.SupervisorsAsync(organizationId, ct));

    public static async Task<Created<SupervisorView>> RegisterCommitmentSupervisor(
        SupervisorCommands c, FulfilmentQueries q, RegisterSupervisorRequest request, CancellationToken ct)
    {
        var id = await c.RegisterAsync(request, ct);
        return TypedResults.Created($"{CommitmentEndpoints.Route}/supervisors/{id}", (await q.SupervisorsAsync(request.OrganizationId, ct)).Single(s => s.Id == id));
    }

    public static async Task<Ok<SupervisorView>> EndCommitmentSupervisor(
        SupervisorCommands c, FulfilmentQueries q, int supervisorId, EndSupervisorRequest request, CancellationToken ct)
    {
        await c.EndAsync(supervisorId, request, ct);
        return TypedResults.Ok((await q.SupervisorsAsync(null, ct)).Single(s => s.Id == supervisorId));
    }

    /// <summary>提醒: overdue or due within <c>days</c> days (default 7), by responsible person.</summary>
    public static async Task<Ok<ReminderList>> ListCommitmentReminders(FulfilmentQueries q, int id, int? days, CancellationToken ct) =>
        TypedResults.Ok(await q.RemindersAsync(id, days, ct));
}
