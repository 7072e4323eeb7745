using Dangjian.Domain.Accounts;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>/api/v1/elections: projects and their workflow records (ELE-1 … ELE-5, ELE-7, ELE-14, ELE-15).</summary>
public static class ElectionProjectEndpoints
{
    public static IServiceCollection AddElectionProjects(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ElectionOptions>().Bind(config.GetSection(ElectionOptions.Section))
            .Validate(o => o.DifferentialPercent.Values.All(p => p is >= 0 and <= 100), "Elections:DifferentialPercent values must be 0–100.")
            .ValidateOnStart();
        return services.AddScoped<ProjectAccess>().AddScoped<ElectionProjectQueries>().AddScoped<ElectionProjectCommands>()
            .AddScoped<ResearchCommands>().AddScoped<NomineeCommands>().AddScoped<ReportCommands>().AddScoped<SelectionCommands>()
            .AddScoped<PublicCandidates>().AddScoped<CandidateQuestions>().AddScoped<ElectionProjectExport>();
    }

    public static void MapElectionProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/elections").WithTags("Elections");
        g.MapGet("/", ListElectionProjects).WithName(nameof(ListElectionProjects)).RequirePermission(Permission.ElectionsRead);
        g.MapGet("/export", ExportElectionProjects).WithName(nameof(ExportElectionProjects)).RequirePermission(Permission.ElectionsRead);
        g.MapGet("/defaults", GetElectionDefaults).WithName(nameof(GetElectionDefaults)).RequirePermission(Permission.ElectionsRead);
        g.MapPost("/", OpenElectionProject).WithName(nameof(OpenElectionProject)).RequirePermission(Permission.ElectionsRun);
        g.MapGet("/{id:int}", GetElectionProject).WithName(nameof(GetElectionProject)).RequirePermission(Permission.ElectionsRead);
        g.MapPut("/{id:int}", UpdateElectionProject).WithName(nameof(UpdateElectionProject)).RequirePermission(Permission.ElectionsRun);
        g.MapPost("/{id:int}/close", CloseElectionProject).WithName(nameof(CloseElectionProject)).RequirePermission(Permission.ElectionsRun);

        g.MapGet("/{id:int}/research", ListResearch).WithName(nameof(ListResearch)).RequirePermission(Permission.ElectionsRead);
        g.MapPost("/{id:int}/research", AddResearch).WithName(nameof(AddResearch)).RequirePermission(Permission.ElectionsRun);
        g.MapGet("/{id:int}/talks", ListTalks).WithName(nameof(ListTalks)).RequirePermission(Permission.ElectionsRead);
        g.MapPost("/{id:int}/talks/generate", GenerateTalks).WithName(nameof(GenerateTalks)).RequirePermission(Permission.ElectionsRun);
        g.MapPut("/{id:int}/talks/{targetId:int}", UpdateTalk).WithName(nameof(UpdateTalk)).RequirePermission(Permission.ElectionsRun);
        g.MapPut("/{id:int}/talks", UpdateTalks).WithName(nameof(UpdateTalks)).RequirePermission(Permission.ElectionsRun);

        g.MapGet("/{id:int}/checklists", ListChecklists).WithName(nameof(ListChecklists)).RequirePermission(Permission.ElectionsRead);
        g.MapGet("/{id:int}/checklists/export", ExportChecklists).WithName(nameof(ExportChecklists)).RequirePermission(Permission.ElectionsRead);
        g.MapPost("/{id:int}/checklists/generate", GenerateChecklists).WithName(nameof(GenerateChecklists)).RequirePermission(Permission.ElectionsRun);
        g.MapPut("/{id:int}/checklists/{itemId:int}", MarkChecklistItem).WithName(nameof(MarkChecklistItem)).RequirePermission(Permission.ElectionsRun);
        g.MapPut("/{id:int}/checklists", MarkChecklistItems).WithName(nameof(MarkChecklistItems)).RequirePermission(Permission.ElectionsRun);

        g.MapGet("/{id:int}/nominees", ListNominees).WithName(nameof(ListNominees)).RequirePermission(Permission.ElectionsRead);
        g.MapGet("/{id:int}/nominees/export", ExportNominees).WithName(nameof(ExportNominees)).RequirePermission(Permission.ElectionsRead);
        g.MapPost("/{id:int}/nominees", Nominate).WithName(nameof(Nominate)).RequirePermission(Permission.ElectionsRun);
        g.MapGet("/{id:int}/nominees/{nomineeId:int}", GetNominee).WithName(nameof(GetNominee)).RequirePermission(Permission.ElectionsRead);
        g.MapPut("/{id:int}/nominees/{nomineeId:int}", UpdateNominee).WithName(nameof(UpdateNominee)).RequirePermission(Permission.ElectionsRun);
        g.MapPut("/{id:int}/nominees/{nomineeId:int}/checks/{kind}", RecordVettingCheck).WithName(nameof(RecordVettingCheck)).RequirePermission(Permission.ElectionsRun);
        g.MapPut("/{id:int}/nominees/{nomineeId:int}/checks", RecordVettingChecks).WithName(nameof(RecordVettingChecks)).RequirePermission(Permission.ElectionsRun);
        g.MapPut("/{id:int}/checks/{kind}", RecordVettingCheckForMany).WithName(nameof(RecordVettingCheckForMany)).RequirePermission(Permission.ElectionsRun);
        g.MapPost("/{id:int}/bodies/{bodyId:int}/list", FixCandidateList).WithName(nameof(FixCandidateList)).RequirePermission(Permission.ElectionsRun);
        g.MapDelete("/{id:int}/bodies/{bodyId:int}/list", UnfixCandidateList).WithName(nameof(UnfixCandidateList)).RequirePermission(Permission.ElectionsRun);

        g.MapGet("/{id:int}/reports", ListReports).WithName(nameof(ListReports)).RequirePermission(Permission.ElectionsRead);
        g.MapGet("/{id:int}/reports/export", ExportReports).WithName(nameof(ExportReports)).RequirePermission(Permission.ElectionsRead);
        g.MapPost("/{id:int}/reports", FileReport).WithName(nameof(FileReport)).RequirePermission(Permission.ElectionsRun);
        g.MapPut("/{id:int}/reports/{reportId:int}/stage", MoveReport).WithName(nameof(MoveReport)).RequirePermission(Permission.ElectionsRun);
        g.MapGet("/{id:int}/questions", ListCandidateQuestions).WithName(nameof(ListCandidateQuestions)).RequirePermission(Permission.ElectionsRead);
        g.MapPost("/{id:int}/questions/{questionId:int}/answer", AnswerCandidateQuestion).WithName(nameof(AnswerCandidateQuestion)).RequirePermission(Permission.ElectionsRun);
        g.MapPost("/{id:int}/questions/{questionId:int}/publish", PublishCandidateQuestion).WithName(nameof(PublishCandidateQuestion)).RequirePermission(Permission.ElectionsRun);
        g.MapPost("/{id:int}/questions/{questionId:int}/hide", HideCandidateQuestion).WithName(nameof(HideCandidateQuestion)).RequirePermission(Permission.ElectionsRun);

        g.MapGet("/{id:int}/selections", ListSelections).WithName(nameof(ListSelections)).RequirePermission(Permission.ElectionsRead);
        g.MapPost("/{id:int}/selections", CreateSelection).WithName(nameof(CreateSelection)).RequirePermission(Permission.ElectionsRun);
        g.MapPost("/{id:int}/selections/{selectionId:int}/stages", RecordSelectionStage).WithName(nameof(RecordSelectionStage)).RequirePermission(Permission.ElectionsRun);
    }

    public static async Task<Ok<Paged<ProjectRow>>> ListElectionProjects(ElectionProjectQueries q, ElectionStage? stage, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(stage, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportElectionProjects(ElectionProjectExport export, ElectionStage? stage, OrgClock clock, CancellationToken ct) =>
        ExcelFile.Result(await export.ExportAsync(stage, ct), "elections", clock);

    public static async Task<Ok<ProjectDefaults>> GetElectionDefaults(ElectionProjectQueries q, int organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.DefaultsAsync(organizationId, ct));

    public static async Task<Created<ProjectView>> OpenElectionProject(ElectionProjectCommands c, ElectionProjectQueries q, OpenProjectRequest request, CancellationToken ct)
    {
        var id = await c.OpenAsync(request, ct);
        return TypedResults.Created($"/api/v1/elections/{id}", await q.GetAsync(id, ct));
    }

    public static async Task<Ok<ProjectView>> GetElectionProject(ElectionProjectQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.GetAsync(id, ct));

    public static async Task<Ok<ProjectView>> UpdateElectionProject(ElectionProjectCommands c, ElectionProjectQueries q, int id, UpdateProjectRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(id, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<ProjectView>> CloseElectionProject(ElectionProjectCommands c, ElectionProjectQueries q, int id, VersionRequest request, CancellationToken ct)
    {
        await c.CloseAsync(id, request.Version, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<ResearchView>>> ListResearch(ElectionProjectQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.ResearchAsync(id, ct));

    public static async Task<Created<IReadOnlyList<ResearchView>>> AddResearch(ResearchCommands c, ElectionProjectQueries q, int id, ResearchRequest request, CancellationToken ct)
    {
        await c.AddResearchAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/elections/{id}/research", await q.ResearchAsync(id, ct));
    }

    public static async Task<Ok<TalkOverview>> ListTalks(ElectionProjectQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.TalksAsync(id, ct));

    public static async Task<Ok<TalkOverview>> GenerateTalks(ResearchCommands c, ElectionProjectQueries q, int id, CancellationToken ct)
    {
        await c.GenerateTalksAsync(id, ct);
        return TypedResults.Ok(await q.TalksAsync(id, ct));
    }

    public static async Task<Ok<TalkOverview>> UpdateTalk(ResearchCommands c, ElectionProjectQueries q, int id, int targetId, TalkRequest request, CancellationToken ct)
    {
        await c.UpdateTalkAsync(id, targetId, request, ct);
        return TypedResults.Ok(await q.TalksAsync(id, ct));
    }

    public static async Task<Ok<TalkOverview>> UpdateTalks(ResearchCommands c, ElectionProjectQueries q, int id, TalksRequest request, CancellationToken ct)
    {
        await c.UpdateTalksAsync(id, request, ct);
        return TypedResults.Ok(await q.TalksAsync(id, ct));
    }

    public static async Task<Ok<ChecklistOverview>> MarkChecklistItems(ResearchCommands c, ElectionProjectQueries q, int id, ChecklistsDoneRequest request, CancellationToken ct)
    {
        await c.MarkChecklistsAsync(id, request, ct);
        return TypedResults.Ok(await q.ChecklistsAsync(id, ct));
    }

    public static async Task<FileContentHttpResult> ExportChecklists(ElectionProjectExport export, OrgClock clock, int id, bool? missingOnly, CancellationToken ct) =>
        ExcelFile.Result(await export.ChecklistsAsync(id, missingOnly == true, ct), $"election-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-checklists", clock);

    public static async Task<FileContentHttpResult> ExportNominees(ElectionProjectExport export, OrgClock clock, int id, CancellationToken ct) =>
        ExcelFile.Result(await export.NomineesAsync(id, ct), $"election-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-nominees", clock);

    public static async Task<FileContentHttpResult> ExportReports(ElectionProjectExport export, OrgClock clock, int id, CancellationToken ct) =>
        ExcelFile.Result(await export.ReportsAsync(id, ct), $"election-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-reports", clock);

    public static async Task<Ok<ChecklistOverview>> ListChecklists(ElectionProjectQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.ChecklistsAsync(id, ct));

    public static async Task<Ok<ChecklistOverview>> GenerateChecklists(ResearchCommands c, ElectionProjectQueries q, int id, GenerateChecklistsRequest request, CancellationToken ct)
    {
        await c.GenerateChecklistsAsync(id, request, ct);
        return TypedResults.Ok(await q.ChecklistsAsync(id, ct));
    }

    public static async Task<Ok<ChecklistOverview>> MarkChecklistItem(ResearchCommands c, ElectionProjectQueries q, int id, int itemId, ChecklistDoneRequest request, CancellationToken ct)
    {
        await c.MarkChecklistAsync(id, itemId, request, ct);
        return TypedResults.Ok(await q.ChecklistsAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<NomineeView>>> ListNominees(ElectionProjectQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.NomineesAsync(id, ct));

    public static async Task<Ok<NomineeView>> GetNominee(ElectionProjectQueries q, int id, int nomineeId, CancellationToken ct) =>
        TypedResults.Ok(await q.NomineeAsync(id, nomineeId, ct));

    public static async Task<Created<NomineeView>> Nominate(NomineeCommands c, ElectionProjectQueries q, int id, NominateRequest request, CancellationToken ct)
    {
        var nomineeId = await c.NominateAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/elections/{id}/nominees/{nomineeId}", await q.NomineeAsync(id, nomineeId, ct));
    }

    public static async Task<Ok<NomineeView>> UpdateNominee(NomineeCommands c, ElectionProjectQueries q, int id, int nomineeId, UpdateNomineeRequest request, CancellationToken ct)
    {
        await c.UpdateAsync(id, nomineeId, request, ct);
        return TypedResults.Ok(await q.NomineeAsync(id, nomineeId, ct));
    }

    public static async Task<Ok<NomineeView>> RecordVettingCheck(
        NomineeCommands c, ElectionProjectQueries q, int id, int nomineeId, VettingKind kind, VettingRequest request, CancellationToken ct)
    {
        await c.VetAsync(id, nomineeId, kind, request, ct);
        return TypedResults.Ok(await q.NomineeAsync(id, nomineeId, ct));
    }

    public static async Task<Ok<NomineeView>> RecordVettingChecks(
        NomineeCommands c, ElectionProjectQueries q, int id, int nomineeId, VettingAllRequest request, CancellationToken ct)
    {
        await c.VetAllAsync(id, nomineeId, request, ct);
        return TypedResults.Ok(await q.NomineeAsync(id, nomineeId, ct));
    }

    public static async Task<Ok<IReadOnlyList<NomineeView>>> RecordVettingCheckForMany(
        NomineeCommands c, ElectionProjectQueries q, int id, VettingKind kind, VettingManyRequest request, CancellationToken ct)
    {
        await c.VetManyAsync(id, kind, request, ct);
        return TypedResults.Ok(await q.NomineesAsync(id, ct));
    }

    public static async Task<Ok<ProjectView>> FixCandidateList(NomineeCommands c, ElectionProjectQueries q, int id, int bodyId, FixListRequest request, CancellationToken ct)
    {
        await c.FixListAsync(id, bodyId, request, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    public static async Task<Ok<ProjectView>> UnfixCandidateList(NomineeCommands c, ElectionProjectQueries q, int id, int bodyId, int version, CancellationToken ct)
    {
        await c.UnfixListAsync(id, bodyId, version, ct);
        return TypedResults.Ok(await q.GetAsync(id, ct));
    }

    /// <summary>候选人问答 (ELE-9): the voters' questions of a project, pending first; <c>status</c> narrows them.</summary>
    public static async Task<Ok<IReadOnlyList<CandidateQuestionView>>> ListCandidateQuestions(
        CandidateQuestions q, int id, CandidateQuestionStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(id, status, ct));

    /// <summary>The candidate's answer to a pending question; a moderated one is a 400 on <c>status</c>, a stale version a 409.</summary>
    public static async Task<Ok<CandidateQuestionView>> AnswerCandidateQuestion(
        CandidateQuestions q, int id, int questionId, AnswerCandidateQuestionRequest request, CancellationToken ct) =>
        TypedResults.Ok(await q.AnswerAsync(id, questionId, request, ct));

    /// <summary>公开: an answered pending question goes on the public candidate page.</summary>
    public static async Task<Ok<CandidateQuestionView>> PublishCandidateQuestion(
        CandidateQuestions q, int id, int questionId, CandidateQuestionVersion request, CancellationToken ct) =>
        TypedResults.Ok(await q.PublishAsync(id, questionId, request, ct));

    /// <summary>不予公开: kept off the page, or taken down.</summary>
    public static async Task<Ok<CandidateQuestionView>> HideCandidateQuestion(
        CandidateQuestions q, int id, int questionId, CandidateQuestionVersion request, CancellationToken ct) =>
        TypedResults.Ok(await q.HideAsync(id, questionId, request, ct));

    public static async Task<Ok<IReadOnlyList<ReportView>>> ListReports(ElectionProjectQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.ReportsAsync(id, ct));

    public static async Task<Created<IReadOnlyList<ReportView>>> FileReport(ReportCommands c, ElectionProjectQueries q, int id, ReportRequest request, CancellationToken ct)
    {
        await c.FileAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/elections/{id}/reports", await q.ReportsAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<ReportView>>> MoveReport(ReportCommands c, ElectionProjectQueries q, int id, int reportId, ReportStageRequest request, CancellationToken ct)
    {
        await c.MoveAsync(id, reportId, request, ct);
        return TypedResults.Ok(await q.ReportsAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<SelectionView>>> ListSelections(ElectionProjectQueries q, int id, CancellationToken ct) =>
        TypedResults.Ok(await q.SelectionsAsync(id, ct));

    public static async Task<Created<IReadOnlyList<SelectionView>>> CreateSelection(SelectionCommands c, ElectionProjectQueries q, int id, SelectionRequest request, CancellationToken ct)
    {
        await c.CreateAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/elections/{id}/selections", await q.SelectionsAsync(id, ct));
    }

    public static async Task<Ok<IReadOnlyList<SelectionView>>> RecordSelectionStage(
        SelectionCommands c, ElectionProjectQueries q, int id, int selectionId, StageRecordRequest request, CancellationToken ct)
    {
        await c.RecordStageAsync(id, selectionId, request, ct);
        return TypedResults.Ok(await q.SelectionsAsync(id, ct));
    }
}
