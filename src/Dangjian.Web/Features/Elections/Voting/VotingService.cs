using System.Text.Json;
using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Secrecy;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.PublicForms;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Voting;

/// <summary>Codes cannot be issued for this round now (it is counted or published, or its box is closed).</summary>
public sealed class CodesRefusedException : Exception
{
    public CodesRefusedException()
        : base("Codes cannot be issued for this round.")
    {
    }
}

/// <summary>
/// Electronic ballots of an election round (ELE-11, ELE-13): issuing one-time codes for a round's box, the public
/// ballot, casting with a code. The secrecy lives in <see cref="BallotBoxService"/>; this service adds the round's
/// rules and scope. It logs nothing: not a code, a receipt or a ballot (DESIGN.md "Secrecy").
/// </summary>
public sealed class VotingService(DangjianDbContext db, BallotBoxService boxes, ScopeService scope, FormFaces faces)
{
    /// <summary>What changes while a round takes ballots: read on every request, in one query.</summary>
    private sealed record RoundState(RoundStatus Status, int Version, bool BoxOpen);

    /// <summary>What a ballot prints: fixed when the round is made (RoundLifecycle), kept in <see cref="FormFaces"/>.</summary>
    private sealed record RoundFace(string Title, string OrganizationName, ElectionMode Mode, int Seats, IReadOnlyList<string> Candidates);

    // One fixed statement (RawRead): through EF's LINQ pipeline this read was half of a ballot's CPU under load.
    private const string StateSql =
        """SELECT r."Status", r."Version", EXISTS (SELECT 1 FROM "BallotBoxes" AS b WHERE b."Key" = @key AND b."IsOpen") FROM "ElectionRounds" AS r WHERE r."Id" = @id""";

    private Task<RoundState?> StateOf(int id, CancellationToken ct) =>
        db.FirstRowAsync(StateSql, r => new RoundState(Enum.Parse<RoundStatus>(r.GetString(0)), r.GetInt32(1), r.GetBoolean(2)), ct,
            ("key", ElectionRound.BoxKeyFor(id)), ("id", id));

    /// <summary>The round as printed on its ballot; public while the round exists (its title and list are read out at the meeting).</summary>
    public async Task<VoteRound?> RoundAsync(int roundId, CancellationToken ct = default)
    {
        if (await StateOf(roundId, ct) is not { } state)
        {
            return null;
        }

        var face = await faces.GetAsync("ElectionRound", roundId, state.Version, async c =>
        {
            var row = await (from r in db.ElectionRounds.AsNoTracking()
                             where r.Id == roundId
                             join p in db.ElectionProjects on r.ProjectId equals p.Id
                             join o in db.Organizations on p.OrganizationId equals o.Id
                             select new { r.Title, o.Name, r.Mode, r.Seats, r.CandidatesJson }).FirstOrDefaultAsync(c);
            return row is null ? null : new RoundFace(row.Title, row.Name, row.Mode, row.Seats, Candidates(row.CandidatesJson));
        }, ct);
        return face is null ? null : new VoteRound(roundId, face.Title, face.OrganizationName, face.Mode, face.Seats, face.Candidates, state.Status, state.BoxOpen)
        {
            Version = state.Version,
        };
    }

    /// <summary>The rounds taking ballots now, for the voting start page (titles only: public at the meeting anyway).</summary>
    public async Task<IReadOnlyList<VoteRound>> OpenRoundsAsync(CancellationToken ct = default)
    {
        var ids = await db.ElectionRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).OrderBy(r => r.Id).Select(r => r.Id).Take(200).ToListAsync(ct);
        var rounds = new List<VoteRound>(ids.Count);
        foreach (var id in ids)
        {
            if (await RoundAsync(id, ct) is { AcceptsBallots: true } round)
            {
                rounds.Add(round);
            }
        }

        return rounds;
    }

    /// <summary>Codes issued and ballots cast so far (Elections.Read on the round's organization): never who, never when.</summary>
    public async Task<BoxProgress> ProgressAsync(int roundId, CancellationToken ct = default)
    {
        var round = await DemandAsync(Permission.ElectionsRead, roundId, ct);
        var box = await boxes.FindAsync(round.BoxKey, ct);
        return new BoxProgress(round.Id, round.Title, round.Status, box is not null, box?.IsOpen ?? false, box?.Closed ?? false, box?.CodesIssued ?? 0, box?.BallotsCast ?? 0);
    }

    /// <summary>
    /// Issues a batch of one-time codes for the round's box (Elections.Run): returned in clear this once, stored only
    /// as hashes. Refused once the round is closed, counted or published, or its box is closed. Creates the box when
    /// the round has none yet, so codes can be printed before the meeting.
    /// </summary>
    public async Task<IssuedCodes> IssueCodesAsync(int roundId, int count, string voteAddress, CancellationToken ct = default)
    {
        var round = await DemandAsync(Permission.ElectionsRun, roundId, ct);
        if (count is < 1 or > BallotBoxService.MaxCodesPerBatch)
        {
            throw new InputValidationException(new FieldErrors().Add("count", "Input.OutOfRange", "count", 1, BallotBoxService.MaxCodesPerBatch));
        }

        if (round.Status is RoundStatus.Closed or RoundStatus.Counted or RoundStatus.Published)
        {
            throw new CodesRefusedException();
        }

        var box = await boxes.FindAsync(round.BoxKey, ct);
        if (box is null)
        {
            boxes.Create(round.BoxKey);
            await db.SaveChangesAsync(ct);
        }
        else if (box.Closed)
        {
            throw new CodesRefusedException();
        }

        var codes = await boxes.IssueCodesAsync(round.BoxKey, count, ct);
        return new IssuedCodes(round.Id, round.Title, voteAddress, codes, await ProgressAsync(roundId, ct));
    }

    /// <summary>
    /// Casts a ballot with a code. The ballot is checked first, so a ballot the count would find invalid is sent back
    /// with its errors and the code stays unused; then the code is used and the ballot stored in one transaction.
    /// A malformed or unknown code gets <see cref="VoteOutcome.Refused"/>; a used one <see cref="VoteOutcome.AlreadyUsed"/>.
    /// <paramref name="round"/> is the one the ballot page has just read (<see cref="RoundAsync"/>): whether the box still
    /// takes the ballot is decided in the batch's transaction, not by it.
    /// </summary>
    public async Task<VoteResult> CastAsync(VoteRound round, string? typedCode, BallotChoice choice, CancellationToken ct = default)
    {
        if (!round.AcceptsBallots)
        {
            return VoteResult.NotOpen;
        }

        var errors = BallotForm.Check(round, choice);
        if (errors.Count > 0)
        {
            return new VoteResult(VoteOutcome.Invalid, null, errors);
        }

        if (AccessCode.Normalize(typedCode) is not { } code)
        {
            return VoteResult.Refused;
        }

        var cast = await boxes.CastAsync(ElectionRound.BoxKeyFor(round.Id), code, BallotForm.Content(round, choice), ct);
        return cast.Outcome switch
        {
            CastOutcome.Accepted => new VoteResult(VoteOutcome.Accepted, cast.Receipt, []),
            CastOutcome.NotOpen => VoteResult.NotOpen,
            CastOutcome.AlreadyUsed => new VoteResult(VoteOutcome.AlreadyUsed, null, []),
            _ => VoteResult.Refused,
        };
    }

    private async Task<ElectionRound> DemandAsync(Permission permission, int roundId, CancellationToken ct)
    {
        var found = await (from r in db.ElectionRounds.AsNoTracking()
                           where r.Id == roundId
                           join p in db.ElectionProjects on r.ProjectId equals p.Id
                           select new { Round = r, p.OrganizationId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            // Not found and out of scope look alike to a caller without any grant.
            throw (await scope.GetAsync(ct)).Grants.Count == 0 ? new ScopeRefusedException() : new NotFoundException("round", roundId);
        }

        await scope.DemandAsync(permission, found.OrganizationId, ct);
        return found.Round;
    }

    private static string[] Candidates(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
