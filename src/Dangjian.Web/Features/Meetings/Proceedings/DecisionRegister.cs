using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Meetings;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Dangjian.Web.Features.Meetings.Proceedings;

public sealed record DecisionRow(
    int ItemId,
    int MeetingId,
    DateOnly Date,
    string OrganizationName,
    string MeetingTitle,
    string Title,
    ItemCategory Category,
    VoteMode VoteMode,
    IReadOnlyList<string> ProposerNames,
    int? VotesFor,
    int? VotesAgainst,
    int? VotesAbstain,
    int? Entitled,
    int? Present,
    ItemOutcome? Outcome,
    ItemStatus Status,
    ItemOutcome? FinalOutcome,
    bool Escalated,
    string? FollowUp,
    string? Consultation = null);

/// <summary>
/// The register of decisions (MTG-10, 决策失误责任追究): every decided item in the caller's subtree with who proposed it,
/// how it was decided, the counts and attendance it was decided on, any ruling, and its follow-up; searchable and
/// exported to Excel. Who voted how on an open vote is on the meeting page; a secret vote has only its counts.
/// </summary>
public sealed class DecisionRegister(DangjianDbContext db, ScopeService scopes, EnumLabels labels, IStringLocalizer<MeetingText> text)
{
    public async Task<Paged<DecisionRow>> ListAsync(int? organizationId, DateOnly? from, DateOnly? to, ItemOutcome? outcome, string? search, int? page, int? pageSize, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var window = Paging.Check(page, pageSize, errors);
        var (p, size) = window;
        errors.ThrowIfAny();
        var rows = await RowsAsync(organizationId, from, to, outcome, search, ct);
        return new Paged<DecisionRow>(rows.Skip(window.Skip).Take(size).ToList(), rows.Count, p, size);
    }

    public async Task<IReadOnlyList<DecisionRow>> RowsAsync(int? organizationId, DateOnly? from, DateOnly? to, ItemOutcome? outcome, string? search, CancellationToken ct = default)
    {
        var orgs = await scopes.OrganizationsAsync(Permission.MeetingsRead, ct);
        if (organizationId is { } orgId)
        {
            await scopes.DemandAsync(Permission.MeetingsRead, orgId, ct);
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
            orgs = orgs.Where(o => o.Path.StartsWith(path));
        }

        var q = db.AgendaItems.AsNoTracking().Where(i => i.Outcome != null)
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { i, m })
            .Join(orgs, x => x.m.OrganizationId, o => o.Id, (x, o) => new { x.i, x.m, o.Name });
        if (from is { } f)
        {
            q = q.Where(x => x.m.Date >= f);
        }

        if (to is { } t)
        {
            q = q.Where(x => x.m.Date <= t);
        }

        if (outcome is { } oc)
        {
            q = q.Where(x => x.i.Outcome == oc);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            q = q.Where(x => x.i.Title.Contains(term) || x.m.Title.Contains(term) || x.Name.Contains(term));
        }

        var found = await q.OrderByDescending(x => x.m.Date).ThenBy(x => x.m.Id).ThenBy(x => x.i.Order).Take(10_000).ToListAsync(ct);
        var ids = found.SelectMany(x => x.i.ProposerIds).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        // MTG-12: what the consultation before the vote gathered stays with the decision.
        var itemIds = found.Select(x => x.i.Id).ToList();
        var consultations = await db.Consultations.AsNoTracking().Include(c => c.Comments).Include(c => c.ExpertOpinions).AsSplitQuery()
            .Where(c => itemIds.Contains(c.AgendaItemId)).ToDictionaryAsync(c => c.AgendaItemId, ct);
        string? Consulted(int itemId)
        {
            if (!consultations.TryGetValue(itemId, out var c))
            {
                return null;
            }

            var (published, hidden, hearing, experts) = c.Summary();
            return text["ConsultationLine", published, hidden, hearing ? text["ConsultationHearingYes"] : text["ConsultationHearingNo"], experts];
        }

        return found.Select(x => new DecisionRow(
            x.i.Id, x.m.Id, x.m.Date, x.Name, x.m.Title, x.i.Title, x.i.Category, x.i.VoteMode,
            x.i.ProposerIds.Select(id => names.GetValueOrDefault(id) ?? "#" + id).ToList(),
            x.i.VotesFor, x.i.VotesAgainst, x.i.VotesAbstain, x.i.EntitledCount, x.i.PresentCount, x.i.Outcome, x.i.Status, x.i.FinalOutcome, x.i.Escalated, x.i.FollowUp,
            Consulted(x.i.Id))).ToList();
    }

    public async Task<byte[]> ExportAsync(int? organizationId, DateOnly? from, DateOnly? to, ItemOutcome? outcome, string? search, CancellationToken ct = default)
    {
        var rows = (await RowsAsync(organizationId, from, to, outcome, search, ct)).Select(r => new Dictionary<string, object?>
        {
            [text["Col.Date"]] = DateText.Format(r.Date),
            [text["Col.Organization"]] = ExcelFile.Safe(r.OrganizationName),
            [text["Col.Title"]] = ExcelFile.Safe(r.MeetingTitle),
            [text["Col.Item"]] = ExcelFile.Safe(r.Title),
            [text["Col.Category"]] = labels.Of(r.Category),
            [text["Col.Proposers"]] = ExcelFile.Safe(Punctuation.JoinList(r.ProposerNames)),
            [text["Col.VoteMode"]] = labels.Of(r.VoteMode),
            [text["Col.Present"]] = r.Present,
            [text["Col.Entitled"]] = r.Entitled,
            [text["Col.For"]] = r.VotesFor,
            [text["Col.Against"]] = r.VotesAgainst,
            [text["Col.Abstain"]] = r.VotesAbstain,
            [text["Col.Outcome"]] = r.Outcome is { } o ? labels.Of(o) : null,
            [text["Col.ItemStatus"]] = labels.Of(r.Status),
            [text["Col.FinalOutcome"]] = r.FinalOutcome is { } fo ? labels.Of(fo) : null,
            [text["Col.FollowUp"]] = ExcelFile.Safe(r.FollowUp ?? string.Empty),
            [text["Col.Consultation"]] = r.Consultation ?? string.Empty,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: text["DecisionsSheet"], cancellationToken: ct);
        return stream.ToArray();
    }
}
