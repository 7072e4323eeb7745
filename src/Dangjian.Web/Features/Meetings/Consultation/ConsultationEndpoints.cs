using Dangjian.Domain.Accounts;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Meetings.Consultation;

/// <summary>
/// /api/v1/meetings/consultations: 重大决策征求意见 (MTG-12) on major agenda items. The public comment page is
/// /public/consultations/{id} (anonymous, rate limited per client address like the other public forms).
/// </summary>
public static class ConsultationEndpoints
{
    public const string Route = "/api/v1/meetings/consultations";

    /// <summary>The rate limit policy of the public comment form, per client address.</summary>
    public const string CommentPolicy = "consultation-comment";

    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, CommentRateLimitPolicy>(CommentPolicy));
        return services.AddScoped<ConsultationQueries>().AddScoped<ConsultationCommands>().AddScoped<ConsultationExport>();
    }

    public static void MapConsultationEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Meetings");
        g.MapPost("", OpenConsultation).WithName(nameof(OpenConsultation)).RequirePermission(Permission.MeetingsRun);
        g.MapGet("/{consultationId:int}", GetConsultation).WithName(nameof(GetConsultation)).RequirePermission(Permission.MeetingsRead);
        g.MapPost("/{consultationId:int}/hearing", RecordConsultationHearing).WithName(nameof(RecordConsultationHearing)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/{consultationId:int}/experts", AddConsultationExpertOpinion).WithName(nameof(AddConsultationExpertOpinion)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/{consultationId:int}/comments/{commentId:int}/moderate", ModerateConsultationComment).WithName(nameof(ModerateConsultationComment))
            .RequirePermission(Permission.MeetingsRun);
        g.MapGet("/{consultationId:int}/export", ExportConsultationComments).WithName(nameof(ExportConsultationComments)).RequirePermission(Permission.MeetingsRun);
    }

    /// <summary>Opens the public comment period on a major item (a routine or cadre item is a 400 on <c>itemId</c>).</summary>
    public static async Task<Ok<ConsultationView>> OpenConsultation(ConsultationCommands c, OpenConsultationRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.OpenAsync(request, ct));

    public static async Task<Ok<ConsultationView>> GetConsultation(ConsultationQueries q, int consultationId, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(consultationId, ct));

    public static async Task<Ok<ConsultationView>> RecordConsultationHearing(ConsultationCommands c, int consultationId, HearingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordHearingAsync(consultationId, request, ct));

    public static async Task<Ok<ConsultationView>> AddConsultationExpertOpinion(ConsultationCommands c, int consultationId, ExpertOpinionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.AddExpertOpinionAsync(consultationId, request, ct));

    public static async Task<Ok<ConsultationView>> ModerateConsultationComment(
        ConsultationCommands c, int consultationId, int commentId, ModerateCommentRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ModerateAsync(consultationId, commentId, request, ct));

    /// <summary>Every comment (published and hidden) with its day and status, and the expert opinions, as .xlsx.</summary>
    public static async Task<FileContentHttpResult> ExportConsultationComments(ConsultationExport export, OrgClock clock, int consultationId, CancellationToken ct) =>
        ExcelFile.Result(await export.CommentsAsync(consultationId, ct), "consultation-comments", clock);
}

/// <summary>Comments per client address per minute on the public comment page (the opinion forms' setting).</summary>
public sealed class CommentRateLimitPolicy(IOptions<DangjianOptions> options) : PostRateLimitPolicy
{
    protected override string Prefix => "consultation-comment";

    protected override int PermitsPerMinute => options.Value.OpinionSubmissionsPerMinute;

    protected override string RefusalText(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<ConsultationText>>()["Public.TooMany"];
}
