using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.PublicForms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Meetings.Proceedings;

/// <summary>/api/v1/meetings: meetings, attendance, agenda items, discussion, votes and rulings (MTG-1 … MTG-10).</summary>
public static class MeetingEndpoints
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DecisionRuleOptions>().Bind(config.GetSection(DecisionRuleOptions.Section))
            .Validate(o => Enum.IsDefined(o.MajorAttendance) && Enum.IsDefined(o.CadreAttendance) && Enum.IsDefined(o.RoutineAttendance)
                && Enum.IsDefined(o.Pass) && Enum.IsDefined(o.MandatoryAgenda), "Meetings:Decision: each share is MoreThanHalf, HalfOrMore or TwoThirdsOrMore.")
            .ValidateOnStart();
        return services.AddScoped<MeetingAccess>().AddScoped<MeetingQueries>().AddScoped<MeetingCommands>().AddScoped<ItemCommands>()
            .AddScoped<MeetingExport>().AddScoped<DecisionRegister>().AddScoped<ItemAttachments>();
    }

    public static void MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/meetings").WithTags("Meetings");
        g.MapGet("/", ListMeetings).WithName(nameof(ListMeetings)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/export", ExportMeetings).WithName(nameof(ExportMeetings)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/invitees", SuggestInvitees).WithName(nameof(SuggestInvitees)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/escalations", ListEscalations).WithName(nameof(ListEscalations)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/escalations/export", ExportEscalations).WithName(nameof(ExportEscalations)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/decisions", ListDecisions).WithName(nameof(ListDecisions)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/decisions/export", ExportDecisions).WithName(nameof(ExportDecisions)).RequirePermission(Permission.MeetingsRead);
        g.MapGet("/settings/{organizationId:int}", GetMeetingSettings).WithName(nameof(GetMeetingSettings)).RequirePermission(Permission.MeetingsRead);
        g.MapPut("/settings/{organizationId:int}", UpdateMeetingSettings).WithName(nameof(UpdateMeetingSettings)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/", CreateMeeting).WithName(nameof(CreateMeeting)).RequirePermission(Permission.MeetingsRun);
        g.MapGet("/{id:int}", GetMeeting).WithName(nameof(GetMeeting)).RequirePermission(Permission.MeetingsRead);
        g.MapPut("/{id:int}", UpdateMeeting).WithName(nameof(UpdateMeeting)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/{id:int}/cancel", CancelMeeting).WithName(nameof(CancelMeeting)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/{id:int}/close", CloseMeeting).WithName(nameof(CloseMeeting)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/{id:int}/participants", AddParticipant).WithName(nameof(AddParticipant)).RequirePermission(Permission.MeetingsRun);
        g.MapDelete("/{id:int}/participants/{personId:int}", RemoveParticipant).WithName(nameof(RemoveParticipant)).RequirePermission(Permission.MeetingsRun);
        g.MapPut("/{id:int}/attendance", RecordAttendanceSheet).WithName(nameof(RecordAttendanceSheet)).RequirePermission(Permission.MeetingsRun);
        g.MapPut("/{id:int}/attendance/{personId:int}", RecordAttendance).WithName(nameof(RecordAttendance)).RequirePermission(Permission.MeetingsRun);

        g.MapPost("/{id:int}/items", AddItem).WithName(nameof(AddItem)).RequirePermission(Permission.MeetingsRun);
        g.MapPut("/items/{itemId:int}", UpdateItem).WithName(nameof(UpdateItem)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/items/{itemId:int}/withdraw", WithdrawItem).WithName(nameof(WithdrawItem)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/items/{itemId:int}/speeches", Speak).WithName(nameof(Speak)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/items/{itemId:int}/votes", VoteOpenly).WithName(nameof(VoteOpenly)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/items/{itemId:int}/secret-vote", StartSecretVote).WithName(nameof(StartSecretVote)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/items/{itemId:int}/secret-vote/close", CloseSecretVote).WithName(nameof(CloseSecretVote)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/items/{itemId:int}/head-decision", RecordHeadDecision).WithName(nameof(RecordHeadDecision)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/items/{itemId:int}/ruling", RuleOnItem).WithName(nameof(RuleOnItem)).RequirePermission(Permission.MeetingsRule);
        g.MapPut("/items/{itemId:int}/follow-up", SetFollowUp).WithName(nameof(SetFollowUp)).RequirePermission(Permission.MeetingsRun);
        g.MapPost("/items/{itemId:int}/attachments", UploadAttachment).WithName(nameof(UploadAttachment)).RequirePermission(Permission.MeetingsRun);
        g.MapGet("/attachments/{attachmentId:int}", DownloadAttachment).WithName(nameof(DownloadAttachment)).RequirePermission(Permission.MeetingsRead);
        g.MapDelete("/attachments/{attachmentId:int}", DeleteAttachment).WithName(nameof(DeleteAttachment)).RequirePermission(Permission.MeetingsRun);

        // The secret ballot itself is cast on the page /meetings/ballot/{itemId} (a code, no account, rate-limited like
        // election ballots): every /api endpoint wants a signed-in caller.
    }

    public static async Task<Ok<Paged<MeetingRow>>> ListMeetings(
        MeetingQueries q, int? organizationId, MeetingType? type, MeetingStatus? status, DateOnly? from, DateOnly? to, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, type, status, from, to, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportMeetings(
        MeetingExport export, int? organizationId, MeetingType? type, MeetingStatus? status, DateOnly? from, DateOnly? to, string? search, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(organizationId, type, status, from, to, search, ct), "meetings", clock);

    public static async Task<Ok<IReadOnlyList<InviteeSuggestion>>> SuggestInvitees(MeetingQueries q, int organizationId, MeetingType type, CancellationToken ct) =>
        TypedResults.Ok(await q.SuggestInviteesAsync(organizationId, type, ct));

    public static async Task<Ok<Paged<DecisionRow>>> ListDecisions(
        DecisionRegister r, int? organizationId, DateOnly? from, DateOnly? to, ItemOutcome? outcome, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await r.ListAsync(organizationId, from, to, outcome, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportDecisions(
        DecisionRegister r, int? organizationId, DateOnly? from, DateOnly? to, ItemOutcome? outcome, string? search, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await r.ExportAsync(organizationId, from, to, outcome, search, ct), "decisions", clock);

    public static async Task<FileContentHttpResult> ExportEscalations(MeetingExport export, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.RulingsAsync(ct), "rulings", clock);

    public static async Task<Ok<IReadOnlyList<EscalationRow>>> ListEscalations(MeetingQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.EscalationsAsync(ct));

    public static async Task<Ok<SettingsView>> GetMeetingSettings(MeetingQueries q, int organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.SettingsAsync(organizationId, ct));

    public static async Task<Ok<SettingsView>> UpdateMeetingSettings(MeetingCommands c, MeetingQueries q, int organizationId, SettingsRequest request, CancellationToken ct)
    {
        await c.UpdateSettingsAsync(organizationId, request, ct);
        return TypedResults.Ok(await q.SettingsAsync(organizationId, ct));
    }

    public static async Task<Created<MeetingDetail>> CreateMeeting(MeetingCommands c, MeetingQueries q, CreateMeetingRequest request, CancellationToken ct)
    {
        var id = await c.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/meetings/{id}", await q.GetAsync(id, ct));
    }

    public static async Task<Ok<MeetingDetail>> GetMeeting(MeetingQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(id, ct));

    public static async Task<Ok<MeetingDetail>> UpdateMeeting(MeetingCommands c, MeetingQueries q, int id, UpdateMeetingRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<MeetingDetail>> CancelMeeting(MeetingCommands c, MeetingQueries q, int id, MeetingVersionRequest request, CancellationToken ct)
    {
        await c.CancelAsync(id, request.Version, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<MeetingDetail>> CloseMeeting(MeetingCommands c, MeetingQueries q, int id, MeetingVersionRequest request, CancellationToken ct)
    {
        await c.CloseAsync(id, request.Version, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<MeetingDetail>> AddParticipant(MeetingCommands c, MeetingQueries q, int id, AddParticipantRequest request, CancellationToken ct)
    {
        await c.AddParticipantAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<MeetingDetail>> RemoveParticipant(MeetingCommands c, MeetingQueries q, int id, int personId, CancellationToken ct)
    {
        await c.RemoveParticipantAsync(id, personId, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<MeetingDetail>> RecordAttendance(MeetingCommands c, MeetingQueries q, int id, int personId, AttendanceRequest request, CancellationToken ct)
    {
        await c.RecordAttendanceAsync(id, personId, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<MeetingDetail>> RecordAttendanceSheet(MeetingCommands c, MeetingQueries q, int id, AttendanceSheetRequest request, CancellationToken ct)
    {
        await c.RecordAttendanceSheetAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Created<MeetingDetail>> AddItem(ItemCommands c, MeetingQueries q, int id, ItemRequest request, CancellationToken ct)
    {
        var itemId = await c.AddAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/meetings/items/{itemId}", await q.GetAsync(id, ct));
    }

    public static async Task<Ok<MeetingDetail>> UpdateItem(ItemCommands c, MeetingQueries q, MeetingAccess a, int itemId, UpdateItemRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(itemId, request, ct);
        return await DetailOfItemAsync(q, a, itemId, ct);
    }

    public static async Task<Ok<MeetingDetail>> WithdrawItem(ItemCommands c, MeetingQueries q, MeetingAccess a, int itemId, MeetingVersionRequest request, CancellationToken ct)
    {
        await c.WithdrawAsync(itemId, request.Version, ct);
        return await DetailOfItemAsync(q, a, itemId, ct);
    }

    public static async Task<Ok<MeetingDetail>> Speak(ItemCommands c, MeetingQueries q, MeetingAccess a, int itemId, SpeechRequest request, CancellationToken ct)
    {
        await c.SpeakAsync(itemId, request, ct);
        return await DetailOfItemAsync(q, a, itemId, ct);
    }

    public static async Task<Ok<MeetingDetail>> VoteOpenly(ItemCommands c, MeetingQueries q, MeetingAccess a, int itemId, OpenVotesRequest request, CancellationToken ct)
    {
        await c.VoteOpenlyAsync(itemId, request, ct);
        return await DetailOfItemAsync(q, a, itemId, ct);
    }

    /// <summary>Opens the item's ballot box; the answer holds the codes, shown this once, never cached.</summary>
    public static async Task<Ok<SecretVoteStarted>> StartSecretVote(ItemCommands c, HttpContext http, int itemId, MeetingVersionRequest request, CancellationToken ct)
    {
        PublicForm.NoStore(http);
        return TypedResults.Ok(await c.StartSecretVoteAsync(itemId, request.Version, ct));
    }

    public static async Task<Ok<MeetingDetail>> CloseSecretVote(ItemCommands c, MeetingQueries q, MeetingAccess a, int itemId, MeetingVersionRequest request, CancellationToken ct)
    {
        await c.CloseSecretVoteAsync(itemId, request.Version, ct);
        return await DetailOfItemAsync(q, a, itemId, ct);
    }

    public static async Task<Ok<MeetingDetail>> RecordHeadDecision(ItemCommands c, MeetingQueries q, MeetingAccess a, int itemId, HeadDecisionRequest request, CancellationToken ct)
    {
        await c.RecordHeadDecisionAsync(itemId, request, ct);
        return await DetailOfItemAsync(q, a, itemId, ct);
    }

    public static async Task<Ok<MeetingDetail>> RuleOnItem(ItemCommands c, MeetingQueries q, MeetingAccess a, int itemId, RulingRequest request, CancellationToken ct)
    {
        await c.RuleAsync(itemId, request, ct);
        return await DetailOfItemAsync(q, a, itemId, ct);
    }

    public static async Task<Ok<MeetingDetail>> SetFollowUp(ItemCommands c, MeetingQueries q, MeetingAccess a, int itemId, FollowUpRequest request, CancellationToken ct)
    {
        await c.SetFollowUpAsync(itemId, request, ct);
        return await DetailOfItemAsync(q, a, itemId, ct);
    }

    /// <summary>
    /// Attaches a file to an item: the raw bytes as <c>application/octet-stream</c> (a type no cross-site form can
    /// send without a preflight, so cookie callers need no antiforgery token) and its name in <c>fileName</c>.
    /// </summary>
    public static async Task<Results<Created<MeetingDetail>, ProblemHttpResult>> UploadAttachment(
        ItemAttachments a, MeetingQueries q, MeetingAccess access, HttpContext http, IStringLocalizer<RuleText> rules, int itemId, string? fileName, CancellationToken ct)
    {
        if (!string.Equals(http.Request.ContentType, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: rules["Meeting.UploadAsOctetStream"]);
        }

        if (http.Request.ContentLength > Domain.Meetings.ItemAttachment.MaxBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: rules["Import.TooLarge", Domain.Meetings.ItemAttachment.MaxBytes / (1024 * 1024)]);
        }

        await a.UploadAsync(itemId, fileName, http.Request.Body, ct);
        var detail = (await DetailOfItemAsync(q, access, itemId, ct)).Value!;
        return TypedResults.Created($"/api/v1/meetings/{detail.Id}", detail);
    }

    public static async Task<FileContentHttpResult> DownloadAttachment(ItemAttachments a, int attachmentId, CancellationToken ct)
    {
        var file = await a.DownloadAsync(attachmentId, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static async Task<Ok<MeetingDetail>> DeleteAttachment(ItemAttachments a, MeetingQueries q, int attachmentId, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(await a.DeleteAsync(attachmentId, ct), ct));

    private static async Task<Ok<MeetingDetail>> DetailOfItemAsync(MeetingQueries q, MeetingAccess a, int itemId, CancellationToken ct)
    {
        var target = await a.DemandItemAsync(itemId, Domain.Accounts.Permission.MeetingsRead, ct);
        return TypedResults.Ok(await q.GetAsync(target.MeetingId, ct));
    }
}
