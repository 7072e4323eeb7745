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
/// The election meeting's rounds (ELE-6, ELE-8, ELE-10 … ELE-13): create, roll, open and close voting, the tellers'
/// paper ballots, count, apply a preliminary vote, publish. Electronic ballots stay in the shared secret-ballot
/// mechanism (<see cref="BallotBoxService"/>); this service only creates, opens and closes the round's box and reads
/// its ballots once closed.
/// </summary>
public sealed class RoundCommands(DangjianDbContext db, ScopeService scopes, BallotBoxService boxes, CurrentUser user, TimeProvider time)
{
    /// <summary>Ballot order (排列顺序): by surname strokes as Chinese ballots are printed (姓氏笔画), where the runtime knows the order.</summary>
    private static readonly StringComparer BallotOrder = StringComparer.Create(StrokeCulture(), CompareOptions.None);

    public async Task<int> CreateAsync(int projectId, RoundCreateRequest r, CancellationToken ct = default)
    {
        var project = await db.ElectionProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw new NotFoundException("election project", projectId);
        await scopes.DemandAsync(Access.Write, project.OrganizationId, ct);

        var errors = new FieldErrors();
        ElectionRound? source = null;
        if (r.RunoffOfRoundId is { } sourceId)
        {
            source = await db.ElectionRounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sourceId && x.ProjectId == projectId, ct);
            if (source is null)
            {
                errors.Add("runoffOfRoundId", "Round.UnknownRound");
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
            // 另行选举/重新投票 among those tied (ELE-12): the names and seats come from the count, nothing else.
            var result = RoundBallots.ReadResult(source.ResultJson);
            if (source.Status is not (RoundStatus.Counted or RoundStatus.Published) || result?.Runoff is not { } runoff)
            {
                throw new DomainRuleException("Round.NoRunoff", "runoffOfRoundId");
            }

            mode = source.Mode;
            seats = runoff.Seats;
            names = [.. runoff.Names];
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
            Status = RoundStatus.Draft,
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
        var (round, _) = await RoundAccess.LoadAsync(db, scopes, id, Access.Write, ct, track: true);
        if (round.Status is not (RoundStatus.Draft or RoundStatus.Open or RoundStatus.Closed))
        {
            throw new DomainRuleException("Round.RollFixed", "status");
        }

        db.ExpectVersion(round, r.Version);
        var errors = new FieldErrors();
        NonNegative(errors, "entitledVoters", "Field.Round.EntitledVoters", r.EntitledVoters);
        NonNegative(errors, "votersPresent", "Field.Round.VotersPresent", r.VotersPresent);
        NonNegative(errors, "ballotsIssued", "Field.Round.BallotsIssued", r.BallotsIssued);
        if (r.VotersPresent > r.EntitledVoters)
        {
            errors.Add("votersPresent", "Round.PresentOverEntitled", r.VotersPresent!.Value, r.EntitledVoters!.Value);
        }

        errors.ThrowIfAny();
        round.EntitledVoters = r.EntitledVoters!.Value;
        round.VotersPresent = r.VotersPresent!.Value;
        round.BallotsIssued = r.BallotsIssued!.Value;
        db.AuditAction = "ElectionRound.RollRecorded";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens voting: the candidates are fixed and the box takes electronic ballots.</summary>
    public async Task OpenAsync(int id, int? version, CancellationToken ct = default)
    {
        var round = await ForStatusChangeAsync(id, version, RoundStatus.Draft, "Round.NotDraft", ct);
        if (RoundAccess.Candidates(round).Count == 0)
        {
            throw new DomainRuleException("Round.NoCandidates", "candidates");
        }

        round.Status = RoundStatus.Open;
        db.AuditAction = "ElectionRound.Opened";
        await boxes.OpenAsync(round.BoxKey, ct); // saves the round with the box, in one save
    }

    /// <summary>Closes voting: the box closes for good and its ballots are shuffled, in the save that records the round closed.</summary>
    public async Task CloseAsync(int id, int? version, CancellationToken ct = default)
    {
        var round = await ForStatusChangeAsync(id, version, RoundStatus.Open, "Round.NotOpen", ct);
        round.Status = RoundStatus.Closed;
        db.AuditAction = "ElectionRound.Closed";
        await boxes.CloseAsync(round.BoxKey, ct);
    }

    /// <summary>One paper ballot entered by one teller (ELE-11, 两名计票人分别录入).</summary>
    public async Task<int> AddPaperAsync(int id, PaperEntryRequest r, CancellationToken ct = default)
    {
        var (round, _) = await RoundAccess.LoadAsync(db, scopes, id, Access.Write, ct);
        EnsurePaperOpen(round);
        if (r.Teller is not (1 or 2))
        {
            throw new InputValidationException(new FieldErrors().Add("teller", "Round.TellerNumber"));
        }

        var teller = r.Teller.Value;
        var me = user.Name;
        var tellers = await db.PaperBallotEntries.AsNoTracking().Where(e => e.RoundId == id)
            .Select(e => new { e.Teller, e.EnteredBy }).Distinct().ToListAsync(ct);
        if (tellers.Any(t => t.Teller != teller && t.EnteredBy == me))
        {
            // The two entries must be independent: one account cannot be both tellers.
            throw new DomainRuleException("Round.SameTeller", "teller");
        }

        if (tellers.FirstOrDefault(t => t.Teller == teller && t.EnteredBy != me) is { } other)
        {
            throw new DomainRuleException("Round.TellerTaken", "teller", teller, other.EnteredBy);
        }

        var errors = new FieldErrors();
        var content = CheckBallot(round, r, errors);
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
        var entry = new PaperBallotEntry { RoundId = id, Teller = teller, Number = number, Content = RoundBallots.Write(content), EnteredBy = me };
        db.PaperBallotEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    /// <summary>A paper entry of an open round, which only the teller who entered it may correct or withdraw.</summary>
    private async Task<(ElectionRound Round, PaperBallotEntry Entry)> OwnEntryAsync(int id, int entryId, CancellationToken ct)
    {
        var (round, _) = await RoundAccess.LoadAsync(db, scopes, id, Access.Write, ct);
        var entry = await db.PaperBallotEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.RoundId == id, ct)
            ?? throw new NotFoundException("paper ballot entry", entryId);
        EnsurePaperOpen(round);
        if (entry.EnteredBy != user.Name)
        {
            throw new DomainRuleException("Round.NotYourEntry", "teller", entry.Teller);
        }

        return (round, entry);
    }

    /// <summary>Corrects one entry (by the teller who made it), from the version they saw.</summary>
    public async Task UpdatePaperAsync(int id, int entryId, PaperEntryRequest r, CancellationToken ct = default)
    {
        var (round, entry) = await OwnEntryAsync(id, entryId, ct);
        db.ExpectVersion(entry, r.Version);
        var errors = new FieldErrors();
        var content = CheckBallot(round, r, errors);
        errors.ThrowIfAny();
        entry.Content = RoundBallots.Write(content);
        db.AuditAction = "PaperBallotEntry.Corrected";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Withdraws one entry (a ballot entered twice, a number that does not exist), by the teller who made it.</summary>
    public async Task DeletePaperAsync(int id, int entryId, int version, CancellationToken ct = default)
    {
        var (round, entry) = await OwnEntryAsync(id, entryId, ct);
        db.ExpectVersion(entry, version);
        db.PaperBallotEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Counts a closed round (ELE-12): the box's electronic ballots and the reconciled paper ballots, with the roll,
    /// through the one counting engine; the result JSON is stored as the CLI prints it.
    /// </summary>
    public async Task CountAsync(int id, int? version, CancellationToken ct = default)
    {
        var round = await ForStatusChangeAsync(id, version, RoundStatus.Closed, "Round.NotClosed", ct);
        var reconciliation = RoundQueries.Reconcile(id, await RoundQueries.EntriesAsync(db, id, ct));
        if (!reconciliation.Reconciled)
        {
            throw new DomainRuleException("Round.NotReconciled", "paper", reconciliation.Differences);
        }

        var (input, _) = await InputAsync(round, reconciliation, ct);
        if (ElectionCount.Check(input) is { Count: > 0 } problems)
        {
            throw new DomainRuleException("Round.BadBallots", "ballots", problems[0].Field + ": " + problems[0].Message);
        }

        round.ResultJson = CountJson.Write(ElectionCount.Count(input));
        round.Status = RoundStatus.Counted;
        db.AuditAction = "ElectionRound.Counted";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Applies a counted preliminary vote (ELE-6, 预选): those it elected (with those its run-off elected) become the
    /// body's candidates, and the list is fixed. The list must still satisfy the differential rule (ELE-7).
    /// </summary>
    public async Task ApplyPreliminaryAsync(int id, CancellationToken ct = default)
    {
        var (round, _) = await RoundAccess.LoadAsync(db, scopes, id, Access.Write, ct);
        if (round.Mode != ElectionMode.Preliminary || round.RunoffOfRoundId is not null)
        {
            throw new DomainRuleException("Round.NotPreliminary", "mode");
        }

        var result = RoundBallots.ReadResult(round.ResultJson);
        if (result is null)
        {
            throw new DomainRuleException("Round.NotCounted", "status");
        }

        if (result.Status != CountStatus.Counted)
        {
            throw new DomainRuleException("Round.VoidResult", "status");
        }

        var elected = new HashSet<string>(result.Elected, StringComparer.Ordinal);
        if (result.Runoff is not null)
        {
            var runoffs = await db.ElectionRounds.AsNoTracking().Where(x => x.RunoffOfRoundId == id && x.ResultJson != null).Select(x => x.ResultJson).ToListAsync(ct);
            var counted = runoffs.Select(RoundBallots.ReadResult).Where(x => x is { Status: CountStatus.Counted }).ToList();
            if (counted.Count == 0)
            {
                throw new DomainRuleException("Round.RunoffPending", "status");
            }

            elected.UnionWith(counted.SelectMany(x => x!.Elected));
        }

        var body = await db.ElectionBodies.FirstAsync(b => b.Id == round.BodyId, ct);
        if (body.ListFixedAt is not null)
        {
            throw new DomainRuleException("Round.ListAlreadyFixed", "bodyId");
        }

        var minimum = DifferentialRule.MinimumCandidates(body.Seats, body.MinExtraPercent);
        if (elected.Count < minimum)
        {
            throw new DomainRuleException("Round.TooFewForList", "elected", elected.Count, minimum);
        }

        var nominees = await db.Nominees.Where(x => x.BodyId == body.Id)
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { Nominee = x, p.Name })
            .ToListAsync(ct);
        foreach (var x in nominees)
        {
            x.Nominee.OnList = elected.Contains(x.Name);
        }

        body.ListFixedAt = time.GetUtcNow();
        db.AuditAction = "ElectionRound.PreliminaryApplied";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Publishes a counted round (ELE-13): the ballot list (<see cref="PublishedBallotList"/>: the count's input with the
    /// ballots shuffled and no receipt, and the receipts apart, sorted), stored byte for byte and served as stored; its
    /// SHA-256 goes into the audit log in the same save, so `dangjian election verify` can tell the published file from
    /// any other. Rounds published in the earlier format keep their list as stored.
    /// </summary>
    public async Task PublishAsync(int id, int? version, CancellationToken ct = default)
    {
        var round = await ForStatusChangeAsync(id, version, RoundStatus.Counted, "Round.NotCounted", ct);
        var project = await db.ElectionProjects.AsNoTracking().FirstAsync(p => p.Id == round.ProjectId, ct);
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == project.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var reconciliation = RoundQueries.Reconcile(id, await RoundQueries.EntriesAsync(db, id, ct));
        var (input, receipts) = await InputAsync(round, reconciliation, ct);

        var now = time.GetUtcNow();
        var at = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var text = PublishedBallotList.Write(new PublishedBallotList.Header(round.Id, round.Title, project.Title, orgName, at), input, receipts);
        var hash = RoundBallots.Sha256(text);
        round.PublishedBallotList = text;
        round.PublishedHash = hash;
        round.PublishedAt = at;
        round.Status = RoundStatus.Published;
        db.AddAuditEvent("ElectionRound.Published", nameof(ElectionRound), round.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object> { ["roundId"] = round.Id, ["sha256"] = hash });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The count's input (electronic ballots first, then paper ones) and the electronic ballots' receipts.</summary>
    private async Task<(CountInput Input, List<string> Receipts)> InputAsync(ElectionRound round, Reconciliation reconciliation, CancellationToken ct)
    {
        var electronic = new List<BallotContent>();
        var receipts = new List<string>();
        var paper = reconciliation.Rows.Select(row => row.Teller1!.Ballot).ToList();
        foreach (var b in await boxes.BallotsAsync(round.BoxKey, ct))
        {
            var content = RoundBallots.Parse(b.Content) ?? new BallotContent([], [], [], true);
            if (b.Receipt is { } receipt)
            {
                electronic.Add(content);
                receipts.Add(receipt);
            }
            else
            {
                paper.Add(content);
            }
        }

        var ballots = electronic.Concat(paper).Select(b => b.ToBallot()).ToList();
        var input = new CountInput(round.Mode, round.Seats, round.EntitledVoters, round.VotersPresent, round.BallotsIssued, RoundAccess.Candidates(round), ballots);
        return (input, receipts);
    }

    private async Task<ElectionRound> ForStatusChangeAsync(int id, int? version, RoundStatus expected, string code, CancellationToken ct)
    {
        var (round, _) = await RoundAccess.LoadAsync(db, scopes, id, Access.Write, ct, track: true);
        if (version is { } v)
        {
            db.ExpectVersion(round, v);
        }

        if (round.Status != expected)
        {
            throw new DomainRuleException(code, "status");
        }

        return round;
    }

    private static void EnsurePaperOpen(ElectionRound round)
    {
        if (round.Status is not (RoundStatus.Open or RoundStatus.Closed))
        {
            throw new DomainRuleException("Round.PaperNotOpen", "status");
        }
    }

    /// <summary>Checks a teller's reading against the ballot: marked names must be candidates, written-in names must not be.</summary>
    private static BallotContent CheckBallot(ElectionRound round, PaperEntryRequest r, FieldErrors errors)
    {
        var candidates = RoundAccess.Candidates(round);
        var set = new HashSet<string>(candidates, StringComparer.Ordinal);
        var content = new BallotContent(r.For ?? [], r.Against ?? [], r.WriteIns ?? [], r.Void);
        if (content.Void)
        {
            return RoundBallots.Canonical(content, candidates);
        }

        void Marked(string field, IReadOnlyList<string> names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (!set.Contains(names[i]?.Trim() ?? string.Empty))
                {
                    errors.Add($"{field}[{i}]", "Round.NotACandidate", names[i] ?? string.Empty);
                }
            }
        }

        Marked("for", content.For);
        Marked("against", content.Against);
        for (var i = 0; i < content.WriteIns.Count; i++)
        {
            var name = content.WriteIns[i]?.Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add($"writeIns[{i}]", "Input.Required", "Field.Round.WriteIn");
            }
            else if (name.Length > Domain.People.Person.MaxNameLength)
            {
                errors.Add($"writeIns[{i}]", "Input.TooLong", "Field.Round.WriteIn", Domain.People.Person.MaxNameLength);
            }
            else if (set.Contains(name))
            {
                errors.Add($"writeIns[{i}]", "Round.WriteInIsCandidate", name);
            }
        }

        return errors.Any ? content : RoundBallots.Canonical(content, candidates);
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

    private static void NonNegative(FieldErrors errors, string field, string label, int? value)
    {
        if (value is null)
        {
            errors.Add(field, "Input.Required", label);
        }
        else if (value < 0)
        {
            errors.Add(field, "Input.OutOfRange", label, 0, int.MaxValue);
        }
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
