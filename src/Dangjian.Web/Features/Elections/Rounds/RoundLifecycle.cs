using System.Globalization;
using System.Text.Json;
using Dangjian.Data;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Rounds;

/// <summary>
/// A round from its creation to the close of voting (ELE-6, ELE-8, ELE-10): create (or a run-off of a counted round),
/// the roll, open and close. <see cref="ElectionRound"/> decides each step; the electronic ballots stay in the shared
/// secret-ballot mechanism (<see cref="BallotBoxService"/>), which creates, opens and closes the round's box.
/// </summary>
public sealed class RoundLifecycle(DangjianDbContext db, ScopeService scopes, BallotBoxService boxes)
{
    /// <summary>Ballot order (排列顺序): by surname strokes as Chinese ballots are printed (姓氏笔画), where the runtime knows the order.</summary>
    private static readonly StringComparer BallotOrder = StringComparer.Create(StrokeCulture(), CompareOptions.None);

    public async Task<int> CreateAsync(int projectId, RoundCreateRequest r, CancellationToken ct = default)
    {
        var project = await db.ElectionProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new NotFoundException("election project", projectId);
        await scopes.DemandAsync(Permission.ElectionsRun, project.OrganizationId, ct);

        var errors = new FieldErrors();
        ElectionRound? source = null;
        if (r.RunoffOfRoundId is { } sourceId)
        {
            source = await db.ElectionRounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sourceId && x.ProjectId == projectId, ct);
            if (source is null)
            {
                errors.Add("runoffOfRoundId", "Round.UnknownRound");
            }
            else if (await db.ElectionRounds.AnyAsync(x => x.RunoffOfRoundId == sourceId, ct))
            {
                // One follow-up per count: a second would elect the same seats twice.
                errors.Add("runoffOfRoundId", "Round.AlreadyFollowed");
            }
        }
        else
        {
            if (r.BodyId is null)
            {
                errors.Add("bodyId", "Input.Required", "Field.Round.Body");
            }

            if (r.Mode is not { } m || !Enum.IsDefined(m))
            {
                errors.Add("mode", "Input.Required", "Field.Round.Mode");
            }

            if (r.Seats is < 1 or > 999)
            {
                errors.Add("seats", "Input.OutOfRange", "Field.Round.Seats", 1, 999);
            }
        }

        if (r.Electorate is { } e && !Enum.IsDefined(e))
        {
            errors.Add("electorate", "Input.Invalid", "Field.Round.Electorate");
        }

        var title = errors.Text("title", "Field.Round.Title", r.Title, ElectionRound.MaxTitleLength);
        errors.ThrowIfAny();

        var bodyId = source?.BodyId ?? r.BodyId!.Value;
        var body = await db.ElectionBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId && b.ProjectId == projectId, ct)
            ?? throw new DomainRuleException("Round.UnknownBody", "bodyId");

        ElectionMode mode;
        int seats;
        List<string> names;
        if (source is not null)
        {
            // 重新投票 among those tied, or 另行选举 for the seats left unfilled (ELE-12): names and seats come from the count.
            if (source.Status is not (RoundStatus.Counted or RoundStatus.Published))
            {
                throw new DomainRuleException("Round.NoRunoff", "runoffOfRoundId");
            }

            var next = SupplementaryElection.Next(CountJson.ReadResult(source.ResultJson), source.CandidateNames());
            mode = source.Mode;
            seats = next.Seats;
            names = [.. next.Names];
        }
        else
        {
            mode = r.Mode!.Value;
            seats = r.Seats ?? body.Seats;
            names = await CandidateNamesAsync(body, mode, ct);
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("Round.DuplicateName", "candidates", duplicate.Key);
        }

        names.Sort(BallotOrder);
        var round = new ElectionRound
        {
            ProjectId = projectId,
            BodyId = bodyId,
            Title = title,
            Mode = mode,
            Electorate = r.Electorate ?? source?.Electorate ?? Electorate.Members,
            Seats = seats,
            CandidatesJson = JsonSerializer.Serialize(names),
            EntitledVoters = source?.EntitledVoters ?? 0,
            VotersPresent = source?.VotersPresent ?? 0,
            BallotsIssued = 0,
            RunoffOfRoundId = source?.Id,
        };

        // The round and its ballot box are committed together: the box is keyed by the round's id, known after the first save.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ElectionRounds.Add(round);
            await db.SaveChangesAsync(ct);
            boxes.Create(round.BoxKey);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        return round.Id;
    }

    /// <summary>The roll (ELE-10): editable until the count.</summary>
    public async Task UpdateRollAsync(int id, RollRequest r, CancellationToken ct = default)
    {
        var round = await RoundAccess.ForChangeAsync(db, scopes, id, r.Version, ct);
        round.RecordRoll(r.EntitledVoters, r.VotersPresent, r.BallotsIssued);
        db.AuditAction = "ElectionRound.RollRecorded";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens voting: the candidates are fixed and the box takes electronic ballots.</summary>
    public async Task OpenAsync(int id, int? version, CancellationToken ct = default)
    {
        var round = await RoundAccess.ForChangeAsync(db, scopes, id, version, ct);
        round.Open();
        db.AuditAction = "ElectionRound.Opened";
        await boxes.OpenAsync(round.BoxKey, ct); // saves the round with the box, in one save
    }

    /// <summary>
    /// Closes voting: the box closes for good and its ballots are shuffled. The round is marked closed first, and the
    /// box's close saves it only after the database's history of the ballots' inserts is erased; if that cannot be done
    /// yet (<see cref="SecretHistoryBusyException"/>), nothing is saved and closing again finishes the job.
    /// </summary>
    public async Task CloseAsync(int id, int? version, CancellationToken ct = default)
    {
        var round = await RoundAccess.ForChangeAsync(db, scopes, id, version, ct);
        round.Close();
        db.AuditAction = "ElectionRound.Closed";
        await boxes.CloseAsync(round.BoxKey, ct);
    }

    /// <summary>The candidates a new round puts on the ballot, from the body's nominees (ELE-5, ELE-7).</summary>
    private async Task<List<string>> CandidateNamesAsync(ElectionBody body, ElectionMode mode, CancellationToken ct)
    {
        if (mode == ElectionMode.Formal)
        {
            if (body.ListFixedAt is null)
            {
                throw new DomainRuleException("Round.ListNotFixed", "bodyId");
            }

            var listed = await db.Nominees.AsNoTracking().Where(n => n.BodyId == body.Id && n.OnList && n.DisqualifiedByReportId == null)
                .Join(db.People, n => n.PersonId, p => p.Id, (n, p) => p.Name).ToListAsync(ct);
            return listed.Count > 0 ? listed : throw new DomainRuleException("Round.NoCandidates", "bodyId");
        }

        // 预选 and 推荐: every nominee whose four checks passed and who is not disqualified.
        var nominees = await db.Nominees.AsNoTracking().Include(n => n.Checks).Where(n => n.BodyId == body.Id).ToListAsync(ct);
        var eligible = nominees.Where(n => Vetting.Blockers(n).Count == 0).Select(n => n.PersonId).ToList();
        if (eligible.Count == 0)
        {
            throw new DomainRuleException("Round.NoEligibleNominees", "bodyId");
        }

        return await db.People.AsNoTracking().Where(p => eligible.Contains(p.Id)).Select(p => p.Name).ToListAsync(ct);
    }

    private static CultureInfo StrokeCulture()
    {
        try
        {
            return CultureInfo.GetCultureInfo("zh-CN-u-co-stroke");
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("zh-CN");
        }
    }
}
