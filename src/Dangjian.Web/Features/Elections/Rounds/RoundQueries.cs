using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Rounds;

/// <summary>Reading rounds: the round, the tellers' entries and their reconciliation, results, and the public view (ELE-10 … ELE-13).</summary>
public sealed class RoundQueries(DangjianDbContext db, ScopeService scopes, BallotBoxService boxes)
{
    public async Task<IReadOnlyList<RoundSummary>> ListAsync(int projectId, CancellationToken ct = default)
    {
        var project = await db.ElectionProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new NotFoundException("election project", projectId);
        await scopes.DemandAsync(Permission.ElectionsRead, project.OrganizationId, ct);
        return await db.ElectionRounds.AsNoTracking().Where(r => r.ProjectId == projectId)
            .Join(db.ElectionBodies, r => r.BodyId, b => b.Id, (r, b) => new { r, b.Kind })
            .OrderBy(x => x.r.Id)
            .Select(x => new RoundSummary(
                x.r.Id, x.r.ProjectId, x.r.BodyId, x.Kind, x.r.Title, x.r.Mode, x.r.Electorate, x.r.Seats, x.r.Status, x.r.RunoffOfRoundId))
            .ToListAsync(ct);
    }

    /// <summary>The project's title and the bodies a round can be created for.</summary>
    public async Task<RoundProjectView> ProjectAsync(int projectId, CancellationToken ct = default)
    {
        var project = await db.ElectionProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new NotFoundException("election project", projectId);
        var scope = await scopes.DemandAsync(Permission.ElectionsRead, project.OrganizationId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == project.OrganizationId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var bodies = await db.ElectionBodies.AsNoTracking().Where(b => b.ProjectId == projectId).OrderBy(b => b.Kind)
            .Select(b => new RoundBodyOption(b.Id, b.Kind, b.Seats, b.ListFixedAt != null)).ToListAsync(ct);
        return new RoundProjectView(project.Id, project.Title, org.Name, scope.Allows(Permission.ElectionsRun, org.Path), bodies);
    }

    public async Task<RoundView> GetAsync(int id, CancellationToken ct = default)
    {
        var (round, project) = await RoundAccess.LoadAsync(db, scopes, id, Permission.ElectionsRead, ct);
        return await ViewAsync(round, project, ct);
    }

    internal async Task<RoundView> ViewAsync(ElectionRound round, Domain.Elections.ElectionProject project, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == project.OrganizationId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        var kind = await db.ElectionBodies.AsNoTracking().Where(b => b.Id == round.BodyId).Select(b => b.Kind).FirstAsync(ct);
        var scope = await scopes.GetAsync(ct);
        var box = await boxes.FindAsync(round.BoxKey, ct);
        var paper = await db.PaperBallotEntries.AsNoTracking().CountAsync(e => e.RoundId == round.Id, ct);
        // The round that follows this one (重新投票 or 另行选举): at most one, so its page leads there instead of offering another.
        var next = await db.ElectionRounds.AsNoTracking().Where(x => x.RunoffOfRoundId == round.Id).Select(x => new { x.Id, x.Title }).FirstOrDefaultAsync(ct);
        return new RoundView(
            round.Id, round.ProjectId, project.Title, project.OrganizationId, org.Name, round.BodyId, kind, round.Title, round.Mode,
            round.Electorate, round.Seats, round.CandidateNames(), round.EntitledVoters, round.VotersPresent, round.BallotsIssued,
            round.Status, round.RunoffOfRoundId, next?.Id, next?.Title, box?.BallotsCast ?? 0, paper, round.PublishedAt, round.PublishedHash,
            scope.Allows(Permission.ElectionsRun, org.Path), round.Version);
    }

    public async Task<IReadOnlyList<PaperEntryView>> PaperEntriesAsync(int id, CancellationToken ct = default)
    {
        await RoundAccess.LoadAsync(db, scopes, id, Permission.ElectionsRead, ct);
        return await EntriesAsync(db, id, ct);
    }

    public async Task<Reconciliation> ReconciliationAsync(int id, CancellationToken ct = default)
    {
        await RoundAccess.LoadAsync(db, scopes, id, Permission.ElectionsRead, ct);
        return Reconcile(id, await EntriesAsync(db, id, ct));
    }

    public async Task<RoundResult> ResultAsync(int id, CancellationToken ct = default)
    {
        var (round, project) = await RoundAccess.LoadAsync(db, scopes, id, Permission.ElectionsRead, ct);
        var result = CountJson.ReadResult(round.ResultJson) ?? throw new NotFoundException("result of round", id);
        return new RoundResult(await ViewAsync(round, project, ct), result);
    }

    /// <summary>Every body's recommendation rounds (党员推荐, 群众推荐 …) side by side, each with its own count (ELE-8, 两票制).</summary>
    public async Task<IReadOnlyList<RecommendationBody>> RecommendationsAsync(int projectId, CancellationToken ct = default)
    {
        var project = await db.ElectionProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new NotFoundException("election project", projectId);
        await scopes.DemandAsync(Permission.ElectionsRead, project.OrganizationId, ct);
        var rounds = await db.ElectionRounds.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.Mode == ElectionMode.Recommendation)
            .Join(db.ElectionBodies, r => r.BodyId, b => b.Id, (r, b) => new { Round = r, b.Kind })
            .ToListAsync(ct);
        return [.. rounds.GroupBy(x => (x.Round.BodyId, x.Kind)).OrderBy(g => g.Key.BodyId).Select(g => new RecommendationBody(
            g.Key.BodyId,
            g.Key.Kind,
            [.. g.OrderBy(x => x.Round.Electorate).ThenBy(x => x.Round.Id).Select(x => new RecommendationColumn(
                x.Round.Id, x.Round.Title, x.Round.Electorate, x.Round.Status, CountJson.ReadResult(x.Round.ResultJson)))]))];
    }

    /// <summary>A published round for anyone (no sign-in), with the counts its ballot list states; not found unless published.</summary>
    public async Task<PublicRoundView> PublicAsync(int id, CancellationToken ct = default)
    {
        var round = await PublishedAsync(id, ct);
        var project = await db.ElectionProjects.AsNoTracking().FirstAsync(p => p.Id == round.ProjectId, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == project.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var list = PublishedBallotList.Read(round.PublishedBallotList!);
        return new PublicRoundView(
            round.Id, round.Title, project.Title, orgName, round.Mode, round.Seats, round.EntitledVoters, round.VotersPresent,
            round.BallotsIssued, round.PublishedAt!.Value, round.PublishedHash!, CountJson.ReadResult(round.ResultJson)!,
            list.Ballots, list.ElectronicBallots, list.PaperBallots);
    }

    /// <summary>The published ballot list, exactly as stored (its hash is in the audit log).</summary>
    public async Task<string> PublishedListAsync(int id, CancellationToken ct = default) =>
        (await PublishedAsync(id, ct)).PublishedBallotList!;

    /// <summary>
    /// Whether a receipt is among the published list's receipts, and among how many ballots counted: never which ballot
    /// is its own. Lists in the earlier format, which paired them, are answered the same way.
    /// </summary>
    public async Task<ReceiptLookup> LookupReceiptAsync(int id, string receipt, CancellationToken ct = default)
    {
        var list = PublishedBallotList.Read(await PublishedListAsync(id, ct));
        return new ReceiptLookup(PublishedBallotList.NormalizeReceipt(receipt), list.Has(receipt), list.Ballots);
    }

    private async Task<ElectionRound> PublishedAsync(int id, CancellationToken ct) =>
        await db.ElectionRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Status == RoundStatus.Published, ct)
            ?? throw new NotFoundException("published round", id);

    internal static async Task<List<PaperEntryView>> EntriesAsync(DangjianDbContext db, int roundId, CancellationToken ct)
    {
        var rows = await db.PaperBallotEntries.AsNoTracking().Where(e => e.RoundId == roundId).OrderBy(e => e.Number).ThenBy(e => e.Teller).ToListAsync(ct);
        return [.. rows.Select(e => new PaperEntryView(e.Id, e.Teller, e.Number, RoundBallots.Parse(e.Content) ?? new BallotContent([], [], [], true), e.EnteredBy, e.Version))];
    }

    /// <summary>Pairs the tellers' entries by number (<see cref="PaperBallots.Reconcile"/>), with the entries themselves for the page.</summary>
    internal static Reconciliation Reconcile(int roundId, IReadOnlyList<PaperEntryView> entries)
    {
        var paper = Paper(entries);
        var rows = paper.Pairs.Select(p => new ReconciliationRow(
            p.Number,
            entries.FirstOrDefault(e => e.Number == p.Number && e.Teller == 1),
            entries.FirstOrDefault(e => e.Number == p.Number && e.Teller == 2),
            p.Matches)).ToList();
        return new Reconciliation(roundId, paper.Reconciled, rows.Count, paper.Differences, rows);
    }

    /// <summary>The tellers' entries as the paper-ballot rules compare them.</summary>
    internal static PaperReconciliation Paper(IReadOnlyList<PaperEntryView> entries) =>
        PaperBallots.Reconcile(entries.Select(e => new PaperReading(e.Number, e.Teller, e.Ballot.ToBallot())));
}

/// <summary>Finds a round and demands the caller's access on its project's organization.</summary>
internal static class RoundAccess
{
    public static async Task<(ElectionRound Round, Domain.Elections.ElectionProject Project)> LoadAsync(
        DangjianDbContext db, ScopeService scopes, int id, Permission permission, CancellationToken ct, bool track = false)
    {
        var query = track ? db.ElectionRounds : db.ElectionRounds.AsNoTracking();
        var round = await query.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("election round", id);
        var project = await db.ElectionProjects.AsNoTracking().FirstAsync(p => p.Id == round.ProjectId, ct);
        await scopes.DemandAsync(permission, project.OrganizationId, ct);
        return (round, project);
    }

    /// <summary>The round, tracked, for a change: write access on its organization, and the version the caller saw when given.</summary>
    public static async Task<ElectionRound> ForChangeAsync(DangjianDbContext db, ScopeService scopes, int id, int? version, CancellationToken ct)
    {
        var (round, _) = await LoadAsync(db, scopes, id, Permission.ElectionsRun, ct, track: true);
        if (version is { } v)
        {
            db.ExpectVersion(round, v);
        }

        return round;
    }
}
