using Dangjian.Domain.Accounts;
using Dangjian.Domain.Dues;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Dues;

/// <summary>
/// /api/v1/dues: a branch's dues ledger (DUE-2) computed by the rule of <c>dangjian dues compute</c>, members' profiles
/// (DUE-1), payments entered or imported, excused months, and activity funds (DUE-3); the member's own dues are
/// /api/v1/me/dues (Mine.Use), found from the person the account is linked to. Months are written <c>yyyy-MM</c>.
/// </summary>
public static class DuesEndpoints
{
    public const string Route = "/api/v1/dues";

    public const string MineRoute = "/api/v1/me/dues";

    public static IServiceCollection AddDues(this IServiceCollection services) =>
        services.AddSingleton(DuesRates.National)
            .AddScoped<DuesQueries>().AddScoped<DuesCommands>().AddScoped<DuesImport>().AddScoped<ActivityFunds>().AddScoped<DuesExport>();

    public static void MapDuesEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Dues");
        g.MapGet("/ledger", GetDuesLedger).WithName(nameof(GetDuesLedger)).RequirePermission(Permission.DuesRead);
        g.MapGet("/ledger/export", ExportDuesLedger).WithName(nameof(ExportDuesLedger)).RequirePermission(Permission.DuesRead);
        g.MapGet("/reminders", ListDuesReminders).WithName(nameof(ListDuesReminders)).RequirePermission(Permission.DuesRead);
        g.MapGet("/profiles/{personId:int}", ListDuesProfiles).WithName(nameof(ListDuesProfiles)).RequirePermission(Permission.DuesRead);
        g.MapPost("/profiles", SetDuesProfile).WithName(nameof(SetDuesProfile)).RequirePermission(Permission.DuesWrite);
        g.MapPost("/payments", RecordDuesPayment).WithName(nameof(RecordDuesPayment)).RequirePermission(Permission.DuesWrite);
        g.MapPost("/payments/import", ImportDuesPayments).WithName(nameof(ImportDuesPayments)).RequirePermission(Permission.DuesWrite).AcceptsExcel();
        g.MapPost("/excusals", ExcuseDuesMonth).WithName(nameof(ExcuseDuesMonth)).RequirePermission(Permission.DuesWrite);
        g.MapGet("/funds", ListActivityFunds).WithName(nameof(ListActivityFunds)).RequirePermission(Permission.DuesRead);
        g.MapPost("/funds", AddActivityFund).WithName(nameof(AddActivityFund)).RequirePermission(Permission.DuesWrite);
        g.MapGet("/funds/export", ExportActivityFunds).WithName(nameof(ExportActivityFunds)).RequirePermission(Permission.DuesRead);
        app.MapGet(MineRoute, GetMyDues).WithTags("Mine").WithName(nameof(GetMyDues)).RequirePermission(Permission.MineUse);
    }

    /// <summary>The organization's members' ledger from <c>from</c> to <c>to</c> (default: the last six months up to this one).</summary>
    public static async Task<Ok<DuesLedgerView>> GetDuesLedger(DuesQueries q, int? organizationId, string? from, string? to, CancellationToken ct) =>
        TypedResults.Ok(await q.LedgerAsync(organizationId, from, to, ct));

    public static async Task<FileContentHttpResult> ExportDuesLedger(DuesExport export, OrgClock clock, int? organizationId, string? from, string? to, CancellationToken ct) =>
        ExcelFile.Result(await export.LedgerAsync(organizationId, from, to, ct), "dues-ledger", clock);

    /// <summary>
    /// The reminder list (催缴) of the organization's subtree over the range: per organization, the members with unpaid
    /// months and what they owe, flagged members first.
    /// </summary>
    public static async Task<Ok<DuesReminderList>> ListDuesReminders(DuesQueries q, int? organizationId, string? from, string? to, CancellationToken ct) =>
        TypedResults.Ok(await q.RemindersAsync(organizationId, from, to, ct));

    /// <summary>A member's dues profiles, newest first: the history the ledger measures each month by.</summary>
    public static async Task<Ok<IReadOnlyList<DuesProfileView>>> ListDuesProfiles(DuesQueries q, int personId, CancellationToken ct) =>
        TypedResults.Ok(await q.ProfilesAsync(personId, ct));

    /// <summary>Sets a member's profile from a month on (the same month again corrects it).</summary>
    public static async Task<Ok<DuesProfileView>> SetDuesProfile(DuesCommands c, SetDuesProfileRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.SetProfileAsync(request, ct));

    public static async Task<Ok<DuesRecordView>> RecordDuesPayment(DuesCommands c, RecordDuesPaymentRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.RecordPaymentAsync(request, ct));

    public static async Task<Ok<DuesRecordView>> ExcuseDuesMonth(DuesCommands c, ExcuseDuesMonthRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.ExcuseAsync(request, ct));

    /// <summary>
    /// Imports payments into the organization's ledger; the body is the .xlsx itself, as for the roster import. 200
    /// <c>{"imported": n}</c>, or 400 with nothing imported: <c>errors</c> keyed <c>"row/column"</c> (<c>"3/金额"</c>) or
    /// <c>"file"</c>, and <c>rowErrors</c> listing <c>{row, column, message}</c>.
    /// </summary>
    public static async Task<Results<Ok<DuesImportSummary>, ValidationProblem, ProblemHttpResult>> ImportDuesPayments(
        HttpContext http, DuesImport import, ExcelUpload upload, IStringLocalizer<RuleText> rules, int? organizationId, CancellationToken ct)
    {
        using var body = await upload.ReadAsync(http, ct);
        if (!body.Accepted)
        {
            return body.Refusal;
        }

        var result = await import.ImportAsync(organizationId, body.File, ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new DuesImportSummary(result.Imported));
        }

        return ImportProblem.Of(result.Errors, result.Errors.Count, rules["Dues.ImportRejected", result.Errors.Count]);
    }

    public static async Task<Ok<ActivityFundsView>> ListActivityFunds(ActivityFunds funds, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await funds.ListAsync(organizationId, ct));

    /// <summary>Adds an entry; a spending past the balance is a 400 on <c>amount</c> and nothing is saved.</summary>
    public static async Task<Ok<ActivityFundView>> AddActivityFund(ActivityFunds funds, AddActivityFundRequest request, CancellationToken ct) =>
        TypedResults.Ok(await funds.AddAsync(request, ct));

    public static async Task<FileContentHttpResult> ExportActivityFunds(DuesExport export, OrgClock clock, int? organizationId, CancellationToken ct) =>
        ExcelFile.Result(await export.FundsAsync(organizationId, ct), "activity-funds", clock);

    /// <summary>The signed-in member's own ledger of the last six months.</summary>
    public static async Task<Ok<MyDuesView>> GetMyDues(DuesQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(ct));
}
