using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Meetings.Minutes;

/// <summary>Writing, signing and correcting minutes (MTG-8). Drafting needs Minutes.Write on the meeting's organization, signing and correcting Minutes.Sign.</summary>
public sealed class MinutesCommands(DangjianDbContext db, ScopeService scopes, CurrentUser user, TimeProvider time)
{
    /// <summary>
    /// How often a first signing tries for a number. Each try that loses the race loses it to a signing that committed,
    /// so this many signings of one organization at the same moment all get through.
    /// </summary>
    public const int SignAttempts = 12;

    /// <summary>Creates the meeting's draft, or changes its text. A signed text is never changed: that is a correction.</summary>
    public async Task SaveDraftAsync(int meetingId, SaveMinutesRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var meeting = await DemandWritableAsync(meetingId, Permission.MinutesWrite, ct);
        var errors = new FieldErrors();
        var text = errors.Text("text", "Field.MinutesText", r.Text, MeetingMinutes.MaxTextLength);
        errors.ThrowIfAny();

        var revisions = await db.MeetingMinutes.Where(m => m.MeetingId == meetingId).ToListAsync(ct);
        var draft = revisions.FirstOrDefault(m => m.Status == MinutesStatus.Draft);
        if (draft is null)
        {
            if (revisions.FirstOrDefault(m => m.Status == MinutesStatus.SignedOff) is { } signedOff)
            {
                throw new DomainRuleException("Minutes.Locked", "text", signedOff.Display ?? string.Empty);
            }

            db.MeetingMinutes.Add(MinutesRevisions.FirstDraft(meeting.Id, meeting.OrganizationId, meeting.Date, text));
        }
        else
        {
            if (r.Version is not { } version)
            {
                throw new InputValidationException(new FieldErrors().Add("version", "Input.Required", "Field.Version"));
            }

            db.ExpectVersion(draft, version);
            MinutesRevisions.Edit(draft, text);
            db.AuditAction = "MeetingMinutes.Edited";
        }

        // Two first drafts at once: the unique (meeting, revision) index refuses the second (409).
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Signs the draft: locks it and, the first time, gives it the next number of the organization's sequence for the
    /// meeting's year; a signed correction keeps the number and supersedes the revision it corrects.
    /// </summary>
    public async Task SignAsync(int meetingId, SignMinutesRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var meeting = await DemandWritableAsync(meetingId, Permission.MinutesSign, ct);
        if (r.Version is not { } version)
        {
            throw new InputValidationException(new FieldErrors().Add("version", "Input.Required", "Field.Version"));
        }

        if (meeting.Status != MeetingStatus.Closed)
        {
            throw new DomainRuleException("Minutes.MeetingNotClosed", "meetingId");
        }

        var year = MinutesRevisions.YearOf(meeting.Date);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            int? taking = null;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var revisions = await db.MeetingMinutes.Where(m => m.MeetingId == meetingId).ToListAsync(ct);
                var draft = revisions.FirstOrDefault(m => m.Status == MinutesStatus.Draft)
                    ?? throw new DomainRuleException("Minutes.NoDraft", "version");
                db.ExpectVersion(draft, version);
                var replaced = revisions.FirstOrDefault(m => m.Status == MinutesStatus.SignedOff);
                if (replaced is null)
                {
                    var max = await db.MeetingMinutes
                        .Where(m => m.OrganizationId == meeting.OrganizationId && m.Year == year && m.Number != null)
                        .MaxAsync(m => m.Number, ct);
                    taking = MinutesRevisions.NextNumber(max is { } n ? [n] : []);
                }

                draft.OrganizationId = meeting.OrganizationId;
                MinutesRevisions.Sign(draft, replaced, meeting.Date, taking ?? 0, user.Name, time.GetUtcNow());
                db.AuditAction = replaced is null ? "MeetingMinutes.Signed" : "MeetingMinutes.CorrectionSigned";
                try
                {
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    return;
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && taking is not null && attempt < SignAttempts)
                {
                    // Leave the transaction (rolled back on dispose) and see below whether the number was taken meanwhile.
                }
            }

            db.ChangeTracker.Clear();
            db.AuditAction = null;
            var taken = await db.MeetingMinutes.AsNoTracking().AnyAsync(
                m => m.OrganizationId == meeting.OrganizationId && m.Year == year && m.Number == taking && m.MeetingId != meetingId, ct);
            if (!taken)
            {
                throw new DbUpdateException($"Signing the minutes of meeting {meetingId} failed for another reason than a taken number.");
            }

            // Another meeting of the organization signed between our read and our write and the unique index refused
            // the same number: read the sequence again. A short, growing pause spreads out a crowd of signers.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), time, ct);
        }
    }

    /// <summary>Opens a correction of signed minutes: a new draft revision with the reason, prefilled with the signed text.</summary>
    public async Task CorrectAsync(int meetingId, CorrectMinutesRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await DemandWritableAsync(meetingId, Permission.MinutesSign, ct);
        var errors = new FieldErrors();
        var reason = errors.Text("reason", "Field.CorrectionReason", r.Reason, Meeting.MaxTextLength);
        var text = errors.Text("text", "Field.MinutesText", r.Text, MeetingMinutes.MaxTextLength, required: false);
        errors.ThrowIfAny();

        var revisions = await db.MeetingMinutes.Where(m => m.MeetingId == meetingId).ToListAsync(ct);
        if (revisions.Any(m => m.Status == MinutesStatus.Draft))
        {
            throw new DomainRuleException("Minutes.DraftExists", "reason");
        }

        var signedOff = revisions.FirstOrDefault(m => m.Status == MinutesStatus.SignedOff)
            ?? throw new DomainRuleException("Minutes.NothingToCorrect", "reason");
        db.MeetingMinutes.Add(MinutesRevisions.Correction(signedOff, reason, text.Length == 0 ? null : text));
        await db.SaveChangesAsync(ct);
    }

    private async Task<MeetingFacts> DemandWritableAsync(int meetingId, Permission permission, CancellationToken ct)
    {
        var meeting = await MinutesQueries.DemandMeetingAsync(db, scopes, meetingId, permission, ct);
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleException("Minutes.MeetingCancelled", "meetingId");
        }

        return meeting;
    }
}
