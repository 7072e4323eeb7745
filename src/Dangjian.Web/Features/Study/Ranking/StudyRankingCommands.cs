using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Study.Ranking;

/// <summary>
/// 自学标兵 / 后进 (STU-5; seed 000, 一, 三 成绩考核): a half-year's round proposed from each leader's credits
/// (<see cref="StudyCredits.Total"/>) and exam result by <see cref="StudyRankingRound.Propose"/>; the committee's
/// decisions, each 后进's rectification deadline and class, and the confirmation. Study.Write on the organization.
/// </summary>
public sealed class StudyRankingCommands(DangjianDbContext db, ScopeService scopes, StudyLeaders leaders, StudyCredits credits, CurrentUser user, OrgClock clock)
{
    /// <summary>
    /// Ranks the leaders of the organization's subtree in office at the half-year's end (or today, while it runs). A
    /// proposal not yet confirmed is replaced by the new one (records entered late count); a confirmed round is fixed.
    /// </summary>
    public async Task<StudyRankingRoundView> ProposeAsync(ProposeStudyRankingRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.StudyWrite, orgId, ct);
        var errors = new FieldErrors();
        foreach (var (value, field, label) in new[]
        {
            (r.Year, "year", "Field.Study.RankingYear"), (r.Half, "half", "Field.Study.RankingHalf"),
            (r.Models, "models", "Field.Study.RankingPlaces"), (r.Laggards, "laggards", "Field.Study.RankingPlaces"),
        })
        {
            if (value is null)
            {
                errors.Add(field, "Input.Required", label);
            }
        }

        errors.ThrowIfAny();

        // The half is checked by Propose; the period needs a valid one first.
        var probe = StudyRankingRound.Propose(orgId, r.Year!.Value, r.Half!.Value, [], r.Models!.Value, r.Laggards!.Value);
        var period = probe.Period;
        var existing = await db.StudyRankingRounds.Include(x => x.Lines)
            .FirstOrDefaultAsync(x => x.OrganizationId == orgId && x.Year == probe.Year && x.Half == probe.Half, ct);
        if (existing is { Status: StudyRankingStatus.Confirmed })
        {
            throw new DomainRuleException("Study.RankingConfirmed", "half");
        }

        var day = clock.Today < period.End ? clock.Today : period.End;
        var people = await leaders.OfSubtreeAsync(orgId, day, ct);
        var ids = people.Select(p => p.PersonId).ToList();
        var records = (await db.StudyRecords.AsNoTracking().Where(x => ids.Contains(x.PersonId)).ToListAsync(ct)).ToLookup(x => x.PersonId);
        var histories = await db.StudyExamHistories.AsNoTracking().Include(h => h.Exams).Where(h => ids.Contains(h.PersonId)).ToListAsync(ct);
        var byPerson = histories.GroupBy(h => h.PersonId).ToDictionary(g => g.Key, g => g.First());
        var candidates = people.Select(p => StudyRankingCandidate.Of(p.PersonId, p.Name, records[p.PersonId], byPerson.GetValueOrDefault(p.PersonId), period, credits)).ToList();
        var round = StudyRankingRound.Propose(orgId, probe.Year, probe.Half, candidates, r.Models.Value, r.Laggards.Value);
        if (existing is not null)
        {
            // The lines are kept from their round by a restricting key: each goes with it explicitly.
            db.StudyRankingLines.RemoveRange(existing.Lines);
            db.StudyRankingRounds.Remove(existing);
        }

        db.StudyRankingRounds.Add(round);
        db.AuditAction = "StudyRankingRound.Proposed";
        await db.SaveChangesAsync(ct);
        return StudyRankingQueries.View(round);
    }

    /// <summary>The committee's decisions: every row applied before anything is saved; a bad row is named on its own field.</summary>
    public async Task<StudyRankingRoundView> DecideAsync(int id, DecideStudyRankingRequest r, CancellationToken ct = default)
    {
        var round = await LoadAsync(id, r.Version, ct);
        var rows = r.Lines ?? [];
        var errors = new FieldErrors();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var name = round.Lines.Find(l => l.PersonId == row.PersonId)?.Name ?? string.Empty;
            try
            {
                if (row.Decision is null)
                {
                    throw new DomainRuleException("Input.Required", "decision", "Field.Study.RankingDecision");
                }

                round.Decide(row.PersonId ?? 0, row.Decision.Value);
                if (row.Decision == RankingProposal.Laggard && (row.RectificationDeadline is not null || !string.IsNullOrWhiteSpace(row.ClassName)))
                {
                    round.SetRectification(row.PersonId!.Value, row.RectificationDeadline ?? DateOnly.MinValue, row.ClassName ?? string.Empty, clock.Today);
                }
            }
            catch (DomainRuleException e)
            {
                errors.AddRow("lines", i, name, FieldErrors.From(e));
            }
        }

        errors.ThrowIfAny();

        // The decisions are one change of the round: its Version moves, so a table read before them is refused.
        db.Entry(round).Property(x => x.Version).IsModified = true;
        db.AuditAction = "StudyRankingRound.Designated";
        await db.SaveChangesAsync(ct);
        return StudyRankingQueries.View(round);
    }

    /// <summary>Confirms; refused naming each 后进 line without a deadline or a class.</summary>
    public async Task<StudyRankingRoundView> ConfirmAsync(int id, ConfirmStudyRankingRequest r, CancellationToken ct = default)
    {
        var round = await LoadAsync(id, r.Version, ct);
        round.Confirm(user.Name, clock.UtcNow);
        db.AuditAction = "StudyRankingRound.Confirmed";
        await db.SaveChangesAsync(ct);
        return StudyRankingQueries.View(round);
    }

    private async Task<StudyRankingRound> LoadAsync(int id, int? version, CancellationToken ct)
    {
        var orgId = await db.StudyRankingRounds.AsNoTracking().Where(x => x.Id == id).Select(x => (int?)x.OrganizationId).FirstOrDefaultAsync(ct);
        await scopes.DemandRecordAsync(orgId, "studyRankingRound", id, Permission.StudyWrite, ct);
        if (version is null)
        {
            throw new InputValidationException(new FieldErrors().Add("version", "Input.Required", "Field.Version"));
        }

        var round = await db.StudyRankingRounds.Include(x => x.Lines).FirstAsync(x => x.Id == id, ct);
        db.ExpectVersion(round, version.Value);
        return round;
    }
}
