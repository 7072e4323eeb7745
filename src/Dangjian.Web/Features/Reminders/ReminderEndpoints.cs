using Dangjian.Domain.Accounts;
using Dangjian.Domain.Reminders;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Features.Reminders;

/// <summary>
/// /api/v1/reminders: the outbox of an organization's subtree, its export and a planning pass now (Accounts.Manage);
/// /api/v1/me/reminders: the caller's own channels and last reminders (Mine.Use). Sending runs in the background
/// (<see cref="ReminderService"/>).
/// </summary>
public static class ReminderEndpoints
{
    public const string Route = "/api/v1/reminders";

    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ReminderOptions>().Bind(config.GetSection(ReminderOptions.Section))
            .Validate(o => o.IsValid(), "Reminders settings: PlanEveryMinutes and SendEverySeconds > 0, MeetingDaysAhead 0 … 30, Smtp:Port 1 … 65535.")
            .ValidateOnStart();
        services.AddHttpClient(RobotTransport.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<ReminderPlanner>().AddScoped<OutboxSender>().AddScoped<ReminderQueries>().AddScoped<ReminderCommands>().AddScoped<ReminderExport>();
        services.AddSingleton<EmailTransport>().AddSingleton<RobotTransport>();
        services.AddHostedService<ReminderService>();
        return services;
    }

    public static void MapReminderEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup(Route).WithTags("Reminders");
        g.MapGet("", ListOutbox).WithName(nameof(ListOutbox)).RequirePermission(Permission.AccountsManage);
        g.MapGet("/export", ExportOutbox).WithName(nameof(ExportOutbox)).RequirePermission(Permission.AccountsManage);
        g.MapGet("/channels", ListReminderChannels).WithName(nameof(ListReminderChannels)).RequirePermission(Permission.AccountsManage);
        g.MapPost("/plan", PlanReminders).WithName(nameof(PlanReminders)).RequirePermission(Permission.AccountsManage);
        var me = app.MapGroup("/api/v1/me/reminders").WithTags("Mine").RequirePermission(Permission.MineUse);
        me.MapGet("", GetMyReminders).WithName(nameof(GetMyReminders));
        me.MapPut("", SaveMyReminders).WithName(nameof(SaveMyReminders));
    }

    /// <summary>A page of the subtree's outbox, newest first, filtered by state and by a word of the subject, body or recipient.</summary>
    public static async Task<Ok<Paged<OutboxMessageView>>> ListOutbox(
        ReminderQueries q, int? organizationId, OutboxState? state, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await q.ListAsync(organizationId, state, search, page, pageSize, ct));

    public static async Task<FileContentHttpResult> ExportOutbox(
        ReminderExport export, OrgClock clock, int? organizationId, OutboxState? state, string? search, CancellationToken ct) =>
        ExcelFile.Result(await export.OutboxAsync(organizationId, state, search, ct), "reminders", clock);

    /// <summary>Which channels this installation can send on, and the subtree's messages pending on each (held on a channel not set up).</summary>
    public static async Task<Ok<IReadOnlyList<ReminderChannelView>>> ListReminderChannels(ReminderQueries q, int? organizationId, CancellationToken ct) =>
        TypedResults.Ok(await q.ChannelsAsync(organizationId, ct));

    /// <summary>Plans the organization's subtree now: each module's due and overdue items into the outbox, each message once.</summary>
    public static async Task<Ok<PlanResult>> PlanReminders(ReminderPlanner planner, PlanRemindersRequest request, CancellationToken ct) =>
        TypedResults.Ok(await planner.PlanAsync(FieldErrors.RequireOrganization(request?.OrganizationId), ct));

    public static async Task<Ok<MyRemindersView>> GetMyReminders(ReminderQueries q, CancellationToken ct) => TypedResults.Ok(await q.MineAsync(ct));

    /// <summary>Their channels; a bad address is a 400 on <c>email</c>, a stale version 409.</summary>
    public static async Task<Ok<MyRemindersView>> SaveMyReminders(ReminderCommands c, SaveMyRemindersRequest request, CancellationToken ct) =>
        TypedResults.Ok(await c.SaveMineAsync(request, ct));
}
