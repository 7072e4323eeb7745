using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Meetings.Proceedings;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ConsultationEntity = Dangjian.Domain.Meetings.Consultation;

namespace Dangjian.Web.Features.Meetings.Consultation;

/// <summary>
/// Reading consultations (MTG-12): on the meeting page for those who may read the meeting (hidden comments only to those
/// who run it), and the anonymous public page's form, the comments it takes (stored with the day only, no account, no
/// address) and the published ones it lists.
/// </summary>
public sealed class ConsultationQueries(DangjianDbContext db, MeetingAccess access, OrgClock clock)
{
    public async Task<ConsultationView> GetAsync(int id, CancellationToken ct = default)
    {
        var itemId = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.AgendaItemId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("consultation", id);
        return await ForItemAsync(itemId, ct) ?? throw new NotFoundException("consultation", id);
    }

    /// <summary>The item's consultation, or null when it has none.</summary>
    public async Task<ConsultationView?> ForItemAsync(int itemId, CancellationToken ct = default)
    {
        var target = await access.DemandItemAsync(itemId, Permission.MeetingsRead, ct);
        var c = await db.Consultations.AsNoTracking().Include(x => x.Comments).Include(x => x.ExpertOpinions).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.AgendaItemId == itemId, ct);
        return c is null ? null : View(c, await access.MayRunAsync(target.OrganizationId, ct), clock.Today);
    }

    /// <summary>The consultations of these items, for the decision register: a line each.</summary>
    public async Task<IReadOnlyDictionary<int, ConsultationEntity>> OfItemsAsync(IReadOnlyCollection<int> itemIds, CancellationToken ct = default) =>
        await db.Consultations.AsNoTracking().Include(x => x.Comments).Include(x => x.ExpertOpinions).AsSplitQuery()
            .Where(c => itemIds.Contains(c.AgendaItemId)).ToDictionaryAsync(c => c.AgendaItemId, ct);

    /// <summary>Every comment of a consultation (those who run the meeting), for the export.</summary>
    public async Task<(ConsultationView View, string ItemTitle)> ForExportAsync(int id, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct);
        if (!view.MayRun)
        {
            throw new ScopeRefusedException();
        }

        var title = await db.AgendaItems.AsNoTracking().Where(i => i.Id == view.AgendaItemId).Select(i => i.Title).FirstAsync(ct);
        return (view, title);
    }

    public async Task<PublicConsultationForm?> PublicFormAsync(int id, CancellationToken ct = default)
    {
        var today = clock.Today;
        var row = await db.Consultations.AsNoTracking().Where(c => c.Id == id)
            .Join(db.AgendaItems, c => c.AgendaItemId, i => i.Id, (c, i) => new { c, i.Title })
            .Join(db.Organizations, x => x.c.OrganizationId, o => o.Id, (x, o) => new { x.c, x.Title, o.Name })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new PublicConsultationForm(row.Name, row.Title, row.c.Subject, row.c.OpensOn, row.c.ClosesOn, row.c.TakesCommentsOn(today));
    }

    /// <summary>Comments a page of the public page lists.</summary>
    public const int PublicPageSize = 10;

    /// <summary>
    /// The comments the public page lists: only those staff left published (a hidden one never), newest first, by pages
    /// of <see cref="PublicPageSize"/>; a page past the end is empty.
    /// </summary>
    public async Task<Paged<PublicCommentView>> PublicCommentsAsync(int id, int page, CancellationToken ct = default)
    {
        var window = new PageWindow(Math.Max(page, 1), PublicPageSize);
        var published = db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == id && x.Status == CommentStatus.Published);
        var total = await published.CountAsync(ct);
        var items = await published.OrderByDescending(x => x.ReceivedOn).ThenByDescending(x => x.Id).Skip(window.Skip).Take(window.PageSize)
            .Select(x => new PublicCommentView(x.Text, x.ReceivedOn)).ToListAsync(ct);
        return new Paged<PublicCommentView>(items, total, window.Page, window.PageSize);
    }

    /// <summary>Takes a public comment: the text and the day; nothing about who sent it, and no audit entry as it comes (DangjianDbContext.IsAudited).</summary>
    public async Task<CommentResult> CommentAsync(int id, string? text, CancellationToken ct = default)
    {
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return new CommentResult(CommentOutcome.NotFound, []);
        }

        try
        {
            c.Comment(text, clock.Today);
        }
        catch (DomainRuleException e)
        {
            return e.Code is "Consultation.Closed" or "Consultation.NotYetOpen"
                ? new CommentResult(CommentOutcome.Closed, [])
                : new CommentResult(CommentOutcome.Invalid, FieldErrors.From(e).Items);
        }

        db.AuditAction = "Consultation.Commented";
        await db.SaveChangesAsync(ct);
        return new CommentResult(CommentOutcome.Accepted, []);
    }

    private static ConsultationView View(ConsultationEntity c, bool mayRun, DateOnly today) => new(
        c.Id, c.AgendaItemId, c.OrganizationId, c.Subject, c.OpensOn, c.WorkingDays, c.ClosesOn, c.TakesCommentsOn(today), c.IsRunningOn(today),
        c.HearingOn, c.HearingParticipants, c.HearingSummary,
        [.. c.Comments.Where(x => mayRun || x.Status == CommentStatus.Published).OrderBy(x => x.ReceivedOn).ThenBy(x => x.Id)
            .Select(x => new CommentView(x.Id, x.Text, x.ReceivedOn, x.Status))],
        c.Comments.Count(x => x.Status == CommentStatus.Published), c.Comments.Count(x => x.Status == CommentStatus.Hidden),
        [.. c.ExpertOpinions.OrderBy(x => x.Id).Select(x => new ExpertOpinionView(x.Id, x.ExpertName, x.Field, x.Opinion))], mayRun, c.Version);
}
