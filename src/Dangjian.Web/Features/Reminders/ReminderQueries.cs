using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Reminders;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Reminders;

/// <summary>
/// The outbox of an organization's subtree (Accounts.Manage there: the administrators who run the district's accounts
/// also watch what goes out to them), and a person's own reminders on /me (found from their account, never from an id).
/// </summary>
public sealed class ReminderQueries(DangjianDbContext db, ScopeService scopes, IOptions<ReminderOptions> options)
{
    /// <summary>How many of their last reminders /me shows.</summary>
    public const int RecentCount = 20;

    public async Task<Paged<OutboxMessageView>> ListAsync(int? organizationId, OutboxState? state, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.AccountsManage, orgId, ct);
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(page, pageSize, errors);
        errors.ThrowIfAny();
        var rows = await FilteredAsync(orgId, state, search, ct);
        var total = await rows.CountAsync(ct);
        var items = await Project(rows, new PageWindow(p, size).Skip, size).ToListAsync(ct);
        return new Paged<OutboxMessageView>(items, total, p, size);
    }

    /// <summary>Every message of the list, newest first: what the export writes.</summary>
    public async Task<IReadOnlyList<OutboxMessageView>> AllAsync(int? organizationId, OutboxState? state, string? search, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.AccountsManage, orgId, ct);
        return await Project(await FilteredAsync(orgId, state, search, ct), 0, int.MaxValue).ToListAsync(ct);
    }

    /// <summary>Each channel: configured on this installation or not, and the subtree's messages pending on it.</summary>
    public async Task<IReadOnlyList<ReminderChannelView>> ChannelsAsync(int? organizationId, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(organizationId);
        await scopes.DemandAsync(Permission.AccountsManage, orgId, ct);
        var pending = await (await FilteredAsync(orgId, OutboxState.Pending, null, ct)).GroupBy(m => m.Channel)
            .Select(g => new { Channel = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Channel, g => g.Count, ct);
        var configured = options.Value.ConfiguredChannels();
        return [.. Enum.GetValues<ReminderChannel>().Select(c => new ReminderChannelView(c, configured.Contains(c), pending.GetValueOrDefault(c)))];
    }

    private async Task<IQueryable<OutboxMessage>> FilteredAsync(int orgId, OutboxState? state, string? search, CancellationToken ct)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var orgIds = ScopeQuery.Within(db.Organizations.AsNoTracking(), [path]).Select(o => o.Id);
        var rows = db.OutboxMessages.AsNoTracking().Where(m => orgIds.Contains(m.OrganizationId));
        if (state is { } s)
        {
            rows = rows.Where(m => m.State == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            rows = rows.Where(m => m.Subject.Contains(text) || m.Body.Contains(text) || db.People.Any(p => p.Id == m.RecipientPersonId && p.Name.Contains(text)));
        }

        return rows;
    }

    /// <summary>Newest first, the window asked for, with the recipient's and the organization's names.</summary>
    private IQueryable<OutboxMessageView> Project(IQueryable<OutboxMessage> rows, int skip, int take) =>
        rows.Join(db.People, m => m.RecipientPersonId, p => p.Id, (m, p) => new { m, p.Name })
            .Join(db.Organizations, x => x.m.OrganizationId, o => o.Id, (x, o) => new { x.m, x.Name, Organization = o.Name })
            .OrderByDescending(x => x.m.Id).Skip(skip).Take(take)
            .Select(x => new OutboxMessageView(
                x.m.Id, x.m.Key, x.m.Channel, x.m.RecipientPersonId, x.Name, x.m.OrganizationId, x.Organization, x.m.Subject, x.m.Body, x.m.State, x.m.Attempts,
                x.m.CreatedAt, x.m.NextAttemptAt, x.m.SentAt, x.m.LastError));

    /// <summary>The signed-in person's settings and last reminders; an account linked to no person gets none.</summary>
    public async Task<MyRemindersView> MineAsync(CancellationToken ct = default)
    {
        if (await PersonIdAsync(scopes, db, ct) is not { } personId)
        {
            return new MyRemindersView(false, new MyReminderSettings(null, false, false, 0), [], options.Value.ConfiguredChannels());
        }

        var pref = await db.ReminderPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, ct) ?? ReminderPreference.Default(personId);
        var recent = await db.OutboxMessages.AsNoTracking().Where(m => m.RecipientPersonId == personId).OrderByDescending(m => m.Id).Take(RecentCount)
            .Select(m => new MyReminderView(m.Subject, m.Channel, m.State, m.CreatedAt, m.SentAt)).ToListAsync(ct);
        return new MyRemindersView(true, new MyReminderSettings(pref.Email, pref.EmailOn, pref.RobotOn, pref.Version), recent, options.Value.ConfiguredChannels());
    }

    /// <summary>The person the account is linked to, unless there is none or they have left the roll.</summary>
    internal static async Task<int?> PersonIdAsync(ScopeService scopes, DangjianDbContext db, CancellationToken ct) =>
        await scopes.CurrentPersonIdAsync(ct) is { } personId && await db.People.AsNoTracking().AnyAsync(p => p.Id == personId && !p.IsRemoved, ct)
            ? personId
            : null;
}
