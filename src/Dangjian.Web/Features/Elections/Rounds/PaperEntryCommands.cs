using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Rounds;

/// <summary>
/// The tellers' paper ballots (ELE-11, 两名计票人分别录入): each teller enters, corrects and withdraws their own readings
/// while the round is open or closed. The rules (two different tellers, the normal form of a reading, what a reading may
/// mark) are <see cref="PaperBallots"/>'.
/// </summary>
public sealed class PaperEntryCommands(DangjianDbContext db, ScopeService scopes, CurrentUser user)
{
    /// <summary>One paper ballot entered by one teller; without a number it is the teller's next.</summary>
    public async Task<int> AddAsync(int id, PaperEntryRequest r, CancellationToken ct = default)
    {
        var (round, _) = await RoundAccess.LoadAsync(db, scopes, id, Permission.ElectionsRun, ct);
        round.DemandPaperOpen();
        var me = user.Name;
        var earlier = await db.PaperBallotEntries.AsNoTracking().Where(e => e.RoundId == id)
            .Select(e => new { e.Teller, e.EnteredBy }).Distinct().ToListAsync(ct);
        PaperBallots.DemandTeller(r.Teller, me, earlier.Select(t => (t.Teller, t.EnteredBy)));
        var teller = r.Teller!.Value;

        var errors = new FieldErrors();
        var content = Read(round, r, errors);
        int number;
        if (r.Number is { } n)
        {
            if (n < 1)
            {
                errors.Add("number", "Input.OutOfRange", "Field.Round.BallotNumber", 1, int.MaxValue);
            }
            else if (await db.PaperBallotEntries.AnyAsync(e => e.RoundId == id && e.Teller == teller && e.Number == n, ct))
            {
                errors.Add("number", "Round.NumberTaken", n);
            }

            number = n;
        }
        else
        {
            number = (await db.PaperBallotEntries.Where(e => e.RoundId == id && e.Teller == teller).MaxAsync(e => (int?)e.Number, ct) ?? 0) + 1;
        }

        errors.ThrowIfAny();
        var entry = new PaperBallotEntry { RoundId = id, Teller = teller, Number = number, Content = content, EnteredBy = me };
        db.PaperBallotEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    /// <summary>Corrects one entry (by the teller who made it), from the version they saw.</summary>
    public async Task UpdateAsync(int id, int entryId, PaperEntryRequest r, CancellationToken ct = default)
    {
        var (round, entry) = await OwnEntryAsync(id, entryId, ct);
        db.ExpectVersion(entry, r.Version);
        var errors = new FieldErrors();
        var content = Read(round, r, errors);
        errors.ThrowIfAny();
        entry.Content = content;
        db.AuditAction = "PaperBallotEntry.Corrected";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Withdraws one entry (a ballot entered twice, a number that does not exist), by the teller who made it.</summary>
    public async Task DeleteAsync(int id, int entryId, int version, CancellationToken ct = default)
    {
        var (_, entry) = await OwnEntryAsync(id, entryId, ct);
        db.ExpectVersion(entry, version);
        db.PaperBallotEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A paper entry of an open round, which only the teller who entered it may correct or withdraw.</summary>
    private async Task<(ElectionRound Round, PaperBallotEntry Entry)> OwnEntryAsync(int id, int entryId, CancellationToken ct)
    {
        var (round, _) = await RoundAccess.LoadAsync(db, scopes, id, Permission.ElectionsRun, ct);
        var entry = await db.PaperBallotEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.RoundId == id, ct)
            ?? throw new NotFoundException("paper ballot entry", entryId);
        round.DemandPaperOpen();
        if (entry.EnteredBy != user.Name)
        {
            throw new Domain.Common.DomainRuleException("Round.NotYourEntry", "teller", entry.Teller);
        }

        return (round, entry);
    }

    /// <summary>A teller's reading, checked against the ballot and stored in its normal form (as JSON).</summary>
    private static string Read(ElectionRound round, PaperEntryRequest r, FieldErrors errors)
    {
        var candidates = round.CandidateNames();
        var reading = new Ballot(r.For ?? [], r.Against ?? [], r.WriteIns ?? [], r.Void);
        var problems = PaperBallots.Check(reading, candidates);
        errors.AddAll(problems);
        return problems.Count > 0 ? string.Empty : RoundBallots.Write(PaperBallots.Normalize(reading, candidates));
    }
}
