using System.Globalization;
using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Rounds;

/// <summary>
/// A closed round's count (ELE-12), a counted preliminary vote applied to the candidate list (ELE-6), and publication
/// (ELE-13). The round and the body decide (<see cref="ElectionRound.Count"/>, <see cref="ElectionRound.Publish"/>,
/// <see cref="ElectionBody.FixListFromPreliminary"/>); this reads the box's ballots once it is closed and saves.
/// </summary>
public sealed class RoundCounting(DangjianDbContext db, ScopeService scopes, BallotBoxService boxes, TimeProvider time)
{
    /// <summary>
    /// Counts a closed round: the box's electronic ballots and the reconciled paper ballots, with the roll, through the
    /// one counting engine; the result JSON is stored as the CLI prints it.
    /// </summary>
    public async Task CountAsync(int id, int? version, CancellationToken ct = default)
    {
        var round = await RoundAccess.ForChangeAsync(db, scopes, id, version, ct);
        var paper = RoundQueries.Paper(await RoundQueries.EntriesAsync(db, id, ct));
        round.DemandCountable(paper);
        var (input, _) = await InputAsync(round, paper, ct);
        round.Count(paper, input);
        db.AuditAction = "ElectionRound.Counted";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Applies a counted preliminary vote (ELE-6, 预选): those it elected (with those its run-off elected) become the
    /// body's candidates, and the list is fixed. The list must still satisfy the differential rule (ELE-7).
    /// </summary>
    public async Task ApplyPreliminaryAsync(int id, CancellationToken ct = default)
    {
        var (round, _) = await RoundAccess.LoadAsync(db, scopes, id, Permission.ElectionsRun, ct);
        var runoffs = await db.ElectionRounds.AsNoTracking().Where(x => x.RunoffOfRoundId == id && x.ResultJson != null).Select(x => x.ResultJson!).ToListAsync(ct);
        var elected = round.PreliminaryElected(CountJson.ReadResult(round.ResultJson), [.. runoffs.Select(CountJson.ReadResult).OfType<CountResult>()]);
        var body = await db.ElectionBodies.FirstAsync(b => b.Id == round.BodyId, ct);
        var nominees = await db.Nominees.Where(x => x.BodyId == body.Id)
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { Nominee = x, p.Name })
            .ToListAsync(ct);
        body.FixListFromPreliminary(elected, nominees.Select(x => (x.Nominee, x.Name)), time.GetUtcNow());
        db.AuditAction = "ElectionRound.PreliminaryApplied";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Publishes a counted round (ELE-13): the ballot list is stored byte for byte and served as stored; its SHA-256 goes
    /// into the audit log in the same save. Rounds published in the earlier format keep their list as stored.
    /// </summary>
    public async Task PublishAsync(int id, int? version, CancellationToken ct = default)
    {
        var round = await RoundAccess.ForChangeAsync(db, scopes, id, version, ct);
        round.DemandPublishable();
        var project = await db.ElectionProjects.AsNoTracking().FirstAsync(p => p.Id == round.ProjectId, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == project.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var (input, receipts) = await InputAsync(round, RoundQueries.Paper(await RoundQueries.EntriesAsync(db, id, ct)), ct);
        round.Publish(new PublishedBallotList.Header(round.Id, round.Title, project.Title, orgName, time.GetUtcNow()), input, receipts);
        db.AddAuditEvent("ElectionRound.Published", nameof(ElectionRound), round.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object> { ["roundId"] = round.Id, ["sha256"] = round.PublishedHash! });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The count's input (electronic ballots first, then paper ones) and the electronic ballots' receipts.</summary>
    private async Task<(CountInput Input, List<string> Receipts)> InputAsync(ElectionRound round, PaperReconciliation paper, CancellationToken ct)
    {
        var electronic = new List<Ballot>();
        var receipts = new List<string>();
        var ballots = paper.Ballots.ToList();
        foreach (var b in await boxes.BallotsAsync(round.BoxKey, ct))
        {
            var content = RoundBallots.Parse(b.Content)?.ToBallot() ?? Ballot.Unreadable;
            if (b.Receipt is { } receipt)
            {
                electronic.Add(content);
                receipts.Add(receipt);
            }
            else
            {
                ballots.Add(content);
            }
        }

        var input = new CountInput(round.Mode, round.Seats, round.EntitledVoters, round.VotersPresent, round.BallotsIssued, round.CandidateNames(), [.. electronic, .. ballots]);
        return (input, receipts);
    }
}
