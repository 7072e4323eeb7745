using System.Security.Claims;
using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Reminders;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Reminders;

/// <summary>
/// The background part (<c>Reminders:Enabled</c>): at start and then every <c>SendEverySeconds</c> the sender sends what
/// is due, so anything left pending by a restart goes out at once; every <c>PlanEveryMinutes</c> the planner runs as the
/// <c>PlanAs</c> account. A failing pass is logged and the next one runs as usual.
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider time, ILogger<ReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        foreach (var channel in Enum.GetValues<ReminderChannel>().Except(o.ConfiguredChannels()))
        {
            log.LogInformation("Reminders: no transport for {Channel} ({Setting} not set): nothing is planned for it and queued messages are held",
                channel, channel == ReminderChannel.Email ? "Reminders:Smtp:Host" : "Reminders:Robot:Url");
        }

        var nextPlan = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextPlan)
                {
                    nextPlan = time.GetUtcNow().AddMinutes(o.PlanEveryMinutes);
                    await PlanAsync(stoppingToken);
                }

                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reminder pass failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(o.SendEverySeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PlanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DangjianDbContext>();
        var name = options.Value.PlanAs;
        var account = name is not null
            ? await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct)
            : await db.RoleAssignments.AsNoTracking().Where(r => r.Role == AccountRole.DistrictAdmin).OrderBy(r => r.Id)
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { u.Id, u.UserName }).FirstOrDefaultAsync(ct);
        if (account is null)
        {
            log.LogWarning("Reminders not planned: no account to plan as (Reminders:PlanAs)");
            return;
        }

        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.Id), new Claim(ClaimTypes.Name, $"{account.UserName} (reminders)")], "Reminders"));
        await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().PlanAsync(null, ct);
    }
}
