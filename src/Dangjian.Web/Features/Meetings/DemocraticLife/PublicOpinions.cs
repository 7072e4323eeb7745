using Dangjian.Data;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Meetings.DemocraticLife;

/// <summary>
/// The anonymous opinion form (DLM-1), for anyone holding a meeting's link: no sign-in. What is stored is the text,
/// the source kind and the day, nothing about who sent it (no account, no address, no time of day, a random key); the
/// row is not audited (DangjianDbContext.IsAudited) and is written in a mixed batch (SecretRows). The form closes when
/// the meeting is held.
/// </summary>
public sealed class PublicOpinions(DangjianDbContext db, OrgClock clock, Dangjian.Data.Secrecy.SecrecyOptions secrecy)
{
    public async Task<PublicOpinionForm?> FormAsync(string? token, CancellationToken ct = default)
    {
        if (PublicLinkToken.Hash(token) is not { } hash)
        {
            return null;
        }

        return await db.DemocraticLifeMeetings.AsNoTracking().Where(m => m.OpinionTokenHash == hash)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id,
                (m, o) => new PublicOpinionForm(o.Name, m.Year, m.Theme, m.Status != DemocraticLifeStatus.Held))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<OpinionResult> SubmitAsync(string? token, OpinionSource? source, string? text, CancellationToken ct = default)
    {
        var hash = PublicLinkToken.Hash(token);
        var meeting = hash is null ? null : await db.DemocraticLifeMeetings.AsNoTracking().Where(m => m.OpinionTokenHash == hash)
            .Select(m => new { m.Id, m.Status }).FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return new OpinionResult(OpinionOutcome.NotFound, []);
        }

        if (meeting.Status == DemocraticLifeStatus.Held)
        {
            return new OpinionResult(OpinionOutcome.Closed, []);
        }

        var errors = new FieldErrors();
        var (s, t) = DemocraticLifeCommands.CheckOpinion(errors, source, text);
        if (errors.Any)
        {
            return new OpinionResult(OpinionOutcome.Invalid, errors.Items);
        }

        // Written with whatever else was sent within the mixing window, in a random order (SecretRows).
        await Dangjian.Data.Secrecy.SecretRows.AddAsync(db, secrecy, new DemocraticLifeOpinion
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Id,
            Source = s,
            Text = t,
            ReceivedOn = clock.Today,
        }, ct);
        return new OpinionResult(OpinionOutcome.Accepted, []);
    }
}
