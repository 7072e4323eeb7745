using Dangjian.Data;
using Dangjian.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Reminders;

/// <summary>
/// Sends what is due in the outbox. Each message is first claimed with one atomic UPDATE that succeeds only if its
/// <see cref="OutboxMessage.Version"/> is still the one read (compare and set): of two senders, on two instances or
/// two passes, exactly one claims it; the other's UPDATE matches no row and it moves on. Then it is sent and marked
/// sent (or failed, with the back-off) in an audited save. A claim expires after <see cref="ReminderRules.ClaimFor"/>,
/// so a sender that died holding one does not lose the message, and anything pending is picked up when the app starts.
/// Messages of a channel with no transport configured are held: not claimed, not tried, not logged, until it is. A message
/// that waited longer than <see cref="ReminderRules.ExpireAfter"/>, held or not, expires unsent (<see cref="ExpireStaleAsync"/>).
/// <para>
/// The transport is at least once: a crash after the server accepted a message and before it was marked sent sends it
/// once more when the claim expires. The e-mail's Message-ID is derived from the key (<see cref="EmailTransport.MessageId"/>)
/// so the copy is recognisable as the same message.
/// </para>
/// </summary>
public sealed class OutboxSender(
    DangjianDbContext db, TimeProvider time, EmailTransport email, RobotTransport robot, IOptions<ReminderOptions> options, ILogger<OutboxSender> log)
{
    /// <summary>Messages handled per pass at most.</summary>
    public const int Batch = 50;

    /// <summary>
    /// Expires what waited too long (<see cref="ExpireStaleAsync"/>), then sends every due message (at most
    /// <see cref="Batch"/>); returns how many were sent.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        await ExpireStaleAsync(ct);

        // A channel with no transport is not tried: its messages stay pending, with no attempt counted and nothing logged,
        // and go out once it is set up (the planner plans nothing new for it meanwhile).
        var configured = options.Value.ConfiguredChannels();
        if (configured.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxState.Pending && configured.Contains(m.Channel));
        if (!db.Database.IsSqlite())
        {
            // SQLite compares instants as text; PostgreSQL filters them in the query.
            pending = pending.Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));
        }

        var due = (await pending.OrderBy(m => m.Id).Take(Batch * 4).Select(m => new { m.Id, m.Version, m.NextAttemptAt, m.ClaimedUntil, m.CreatedAt }).ToListAsync(ct))
            .Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil is null || m.ClaimedUntil < now) && now - m.CreatedAt < ReminderRules.ExpireAfter)
            .Take(Batch).ToList();
        var sent = 0;
        foreach (var candidate in due)
        {
            var lease = now + ReminderRules.ClaimFor;
            var claimed = await db.OutboxMessages.Where(m => m.Id == candidate.Id && m.Version == candidate.Version && m.State == OutboxState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, lease).SetProperty(m => m.Version, m => m.Version + 1), ct);
            if (claimed == 0)
            {
                continue; // another sender has it
            }

            if (await SendOneAsync(candidate.Id, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// Marks the pending messages that waited <see cref="ReminderRules.ExpireAfter"/> or longer as expired, on every channel,
    /// set up or not (at most <see cref="Batch"/>, oldest first; the next pass takes the rest), in one audited save. A
    /// sender that claims one of them meanwhile wins: the save meets its version and changes nothing. Returns how many expired.
    /// </summary>
    public async Task<int> ExpireStaleAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxState.Pending);
        if (!db.Database.IsSqlite())
        {
            var enqueuedBy = now - ReminderRules.ExpireAfter;
            pending = pending.Where(m => m.CreatedAt <= enqueuedBy);
        }

        // Ids grow with the time a message was enqueued, so the oldest pending messages come first.
        var stale = (await pending.OrderBy(m => m.Id).Take(Batch).ToListAsync(ct)).Where(m => m.IsStale(now)).ToList();
        if (stale.Count == 0)
        {
            return 0;
        }

        // Read untracked (the sender's own reads after this must see the claims' versions), tracked only when changed.
        foreach (var m in stale)
        {
            db.OutboxMessages.Attach(m);
            m.Expire(now);
        }

        db.AuditAction = "OutboxMessage.Expired";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        log.LogInformation("Reminders: {Count} messages expired unsent after waiting {Days} days", stale.Count, ReminderRules.ExpireAfter.TotalDays);
        return stale.Count;
    }

    private async Task<bool> SendOneAsync(int id, CancellationToken ct)
    {
        var m = await db.OutboxMessages.FirstAsync(x => x.Id == id, ct);
        string? error = null;
        try
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == m.RecipientPersonId).Select(p => p.Name).FirstAsync(ct);
            if (m.Channel == ReminderChannel.Email)
            {
                var address = await db.ReminderPreferences.AsNoTracking().Where(p => p.PersonId == m.RecipientPersonId).Select(p => p.Email).FirstOrDefaultAsync(ct);
                if (address is null)
                {
                    throw new ReminderSendException("no e-mail address");
                }

                await email.SendAsync(m, address, ct);
            }
            else
            {
                await robot.SendAsync(m, person, ct);
            }
        }
        catch (ReminderSendException e)
        {
            error = e.Message;
        }

        var now = time.GetUtcNow();
        if (error is null)
        {
            m.MarkSent(now);
            db.AuditAction = "OutboxMessage.Sent";
        }
        else
        {
            m.MarkFailed(error, now);
            db.AuditAction = m.State == OutboxState.Failed ? "OutboxMessage.GaveUp" : "OutboxMessage.Failed";
            log.LogWarning("Reminder {Id} ({Channel}) not sent, attempt {Attempts}: {Error}", m.Id, m.Channel, m.Attempts, m.LastError);
        }

        await db.SaveChangesAsync(ct);
        return error is null;
    }
}
