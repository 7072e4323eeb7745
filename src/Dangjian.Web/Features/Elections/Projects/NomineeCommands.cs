using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>Nomination (ELE-4), vetting (ELE-5) and fixing the candidate list of a body (ELE-7).</summary>
public sealed class NomineeCommands(DangjianDbContext db, ProjectAccess access, TimeProvider time, IStringLocalizer<RuleText> rules)
{
    public async Task<int> NominateAsync(int id, NominateRequest r, CancellationToken ct = default)
    {
        var orgId = await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var errors = new FieldErrors();
        var body = r.BodyId is { } bodyId ? await db.ElectionBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId && b.ProjectId == id, ct) : null;
        if (body is null)
        {
            errors.Add("bodyId", r.BodyId is null ? "Input.Required" : "Input.Invalid", "Field.Body");
        }
        else if (body.ListFixedAt is not null)
        {
            errors.Add("bodyId", "Election.ListAlreadyFixed");
        }

        if (r.Source is not { } source || !Enum.IsDefined(source))
        {
            errors.Add("source", "Input.Required", "Field.Source");
        }

        var joint = errors.Text("jointNominators", "Field.JointNominators", r.JointNominators, Nominee.MaxNominatorsLength,
            required: r.Source == NominationSource.Joint);
        var profile = errors.Text("profile", "Field.Profile", r.Profile, Nominee.MaxTextLength, required: false);
        var review = errors.Text("reviewSummary", "Field.ReviewSummary", r.ReviewSummary, Nominee.MaxTextLength, required: false);
        var statement = errors.Text("statement", "Field.Statement", r.Statement, Nominee.MaxTextLength, required: false);

        // A nominee is a party member of the organization's subtree (its roll and the rolls below it).
        var orgPath = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Path).FirstAsync(ct);
        var person = r.PersonId is { } personId
            ? await db.People.AsNoTracking().Where(p => p.Id == personId && !p.IsRemoved && p.Status != MemberStatus.Resident)
                .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Id, o.Path }).FirstOrDefaultAsync(ct)
            : null;
        if (r.PersonId is null)
        {
            errors.Add("personId", "Input.Required", "Field.Person");
        }
        else if (person is null || !OrganizationTree.IsWithin(person.Path, orgPath))
        {
            errors.Add("personId", "Election.NotAMemberHere");
        }
        else if (body is not null && await db.Nominees.AnyAsync(n => n.BodyId == body.Id && n.PersonId == person.Id, ct))
        {
            errors.Add("personId", "Election.AlreadyNominated");
        }

        errors.ThrowIfAny();
        var nominee = new Nominee
        {
            ProjectId = id, BodyId = body!.Id, PersonId = person!.Id, Source = r.Source!.Value,
            JointNominators = r.Source == NominationSource.Joint ? joint : null,
            Profile = Empty(profile), ReviewSummary = Empty(review), Statement = Empty(statement),
            Checks = Enum.GetValues<VettingKind>().Select(k => new VettingCheck { Kind = k, Result = VettingResult.Open }).ToList(),
        };
        db.Nominees.Add(nominee);
        await db.SaveChangesAsync(ct);
        return nominee.Id;
    }

    /// <summary>Edits what the candidate introduction shows (ELE-9) and the joint nominators.</summary>
    public async Task UpdateAsync(int id, int nomineeId, UpdateNomineeRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var n = await db.Nominees.FirstOrDefaultAsync(x => x.Id == nomineeId && x.ProjectId == id, ct) ?? throw new NotFoundException("nominee", nomineeId);
        db.ExpectVersion(n, r.Version);
        var errors = new FieldErrors();
        var joint = errors.Text("jointNominators", "Field.JointNominators", r.JointNominators, Nominee.MaxNominatorsLength, required: n.Source == NominationSource.Joint);
        var profile = errors.Text("profile", "Field.Profile", r.Profile, Nominee.MaxTextLength, required: false);
        var review = errors.Text("reviewSummary", "Field.ReviewSummary", r.ReviewSummary, Nominee.MaxTextLength, required: false);
        var statement = errors.Text("statement", "Field.Statement", r.Statement, Nominee.MaxTextLength, required: false);
        errors.ThrowIfAny();
        n.JointNominators = n.Source == NominationSource.Joint ? joint : null;
        n.Profile = Empty(profile);
        n.ReviewSummary = Empty(review);
        n.Statement = Empty(statement);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records one of the four checks (ELE-5): a result other than Open needs who checked and when.</summary>
    public async Task VetAsync(int id, int nomineeId, VettingKind kind, VettingRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var nominees = await ProjectNomineesAsync(id, ct);
        var nominee = nominees.FirstOrDefault(n => n.Id == nomineeId) ?? throw new NotFoundException("vetting check", nomineeId);
        var check = nominee.Checks.FirstOrDefault(c => c.Kind == kind) ?? throw new NotFoundException("vetting check", nomineeId);
        db.ExpectVersion(check, r.Version);
        var errors = new FieldErrors();
        var entry = Entry(errors, r.Result, r.CheckedBy, r.CheckedOn, r.Note);
        errors.ThrowIfAny();
        await RecordAsync(nominee, nominees, kind, entry!, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// All four checks of one nominee in one save (ELE-5): every check is read before any is recorded, so one bad check
    /// changes nothing; each applies to the person's other nominee rows in the project (<see cref="Vetting.Record"/>).
    /// </summary>
    public async Task VetAllAsync(int id, int nomineeId, VettingAllRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var nominees = await ProjectNomineesAsync(id, ct);
        var nominee = nominees.FirstOrDefault(n => n.Id == nomineeId) ?? throw new NotFoundException("nominee", nomineeId);
        var rows = r.Checks ?? [];
        var errors = new FieldErrors();
        if (rows.Count == 0)
        {
            errors.Add("checks", "Input.Required", "Field.Checks");
        }

        var entries = new List<(VettingCheck Check, VettingEntry Entry)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var rowErrors = new FieldErrors();
            var check = row.Kind is { } k && Enum.IsDefined(k) ? nominee.Checks.FirstOrDefault(c => c.Kind == k) : null;
            if (check is null)
            {
                rowErrors.Add("kind", "Input.Required", "Field.CheckKind");
            }
            else if (entries.Any(e => e.Check == check))
            {
                rowErrors.Add("kind", "Election.CheckTwice");
            }

            var entry = Entry(rowErrors, row.Result, row.CheckedBy, row.CheckedOn, row.Note);
            errors.AddRow("checks", i, check is null ? string.Empty : $"Field.VettingKind.{check.Kind}", rowErrors);
            if (check is not null && entry is not null && !rowErrors.Any)
            {
                db.ExpectVersion(check, row.Version);
                entries.Add((check, entry));
            }
        }

        errors.ThrowIfAny();
        foreach (var (check, entry) in entries)
        {
            await RecordAsync(nominee, nominees, check.Kind, entry, ct);
        }

        db.AuditAction = "Nominee.Vetted";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One check for many nominees in one save (ELE-5): rows are read whole first and named by their number; a person
    /// given twice is refused, since the check covers all their rows in the project (<see cref="Vetting.SamePerson"/>).
    /// </summary>
    public async Task VetManyAsync(int id, VettingKind kind, VettingManyRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        if (!Enum.IsDefined(kind))
        {
            throw new NotFoundException("vetting kind", (int)kind);
        }

        var nominees = await ProjectNomineesAsync(id, ct);
        var personIds = nominees.Select(n => n.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var rows = r.Rows ?? [];
        var errors = new FieldErrors();
        if (rows.Count == 0)
        {
            errors.Add("rows", "Input.Required", "Field.Nominees");
        }

        var entries = new List<(Nominee Nominee, VettingEntry Entry)>();
        var people = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var rowErrors = new FieldErrors();
            var nominee = nominees.FirstOrDefault(n => n.Id == row.NomineeId);
            if (nominee is null)
            {
                rowErrors.Add("nomineeId", "Input.Invalid", "Field.Nominee");
            }
            else if (!people.Add(nominee.PersonId))
            {
                rowErrors.Add("nomineeId", "Election.CheckTwice");
            }

            var entry = Entry(rowErrors, row.Result, row.CheckedBy, row.CheckedOn, row.Note);
            errors.AddRow("rows", i, nominee is null ? string.Empty : names[nominee.PersonId], rowErrors);
            if (nominee is not null && entry is not null && !rowErrors.Any)
            {
                db.ExpectVersion(nominee.Checks.First(c => c.Kind == kind), row.Version);
                entries.Add((nominee, entry));
            }
        }

        errors.ThrowIfAny();
        foreach (var (nominee, entry) in entries)
        {
            await RecordAsync(nominee, nominees, kind, entry, ct);
        }

        db.AuditAction = "Nominee.Vetted";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The project's nominees with their checks, tracked: a check recorded for one applies to the person's other rows.</summary>
    private Task<List<Nominee>> ProjectNomineesAsync(int id, CancellationToken ct) =>
        db.Nominees.Include(n => n.Checks).Where(n => n.ProjectId == id).ToListAsync(ct);

    /// <summary>Reads one check's input (ELE-5): a result other than Open needs who checked and when. Null when the result is missing.</summary>
    private static VettingEntry? Entry(FieldErrors errors, VettingResult? result, string? checkedBy, DateOnly? checkedOn, string? note)
    {
        if (result is not { } res || !Enum.IsDefined(res))
        {
            errors.Add("result", "Input.Required", "Field.Result");
        }

        var done = result is VettingResult.Passed or VettingResult.Failed;
        var by = errors.Text("checkedBy", "Field.CheckedBy", checkedBy, VettingCheck.MaxByLength, required: done);
        if (done && checkedOn is null)
        {
            errors.Add("checkedOn", "Input.Required", "Field.CheckedOn");
        }

        errors.SaneDay("checkedOn", "Field.CheckedOn", checkedOn);
        var text = errors.Text("note", "Field.Note", note, Nominee.MaxTextLength, required: false);
        return result is { } r && Enum.IsDefined(r) ? new VettingEntry(r, Empty(by), checkedOn, Empty(text)) : null;
    }

    /// <summary>
    /// Records a check on the nominee and the person's other rows (the caller saves). ELE-5: a nominee with an open or
    /// failed check cannot be a candidate, so a check reopened or failed after a list was fixed unfixes that list (as a
    /// proven report does), while no round has been created from it.
    /// </summary>
    private async Task RecordAsync(Nominee nominee, IReadOnlyList<Nominee> nominees, VettingKind kind, VettingEntry entry, CancellationToken ct)
    {
        Vetting.Record(nominee, nominees, kind, entry);
        if (entry.Result != VettingResult.Passed)
        {
            foreach (var row in Vetting.SamePerson(nominee, nominees))
            {
                await UnfixListOfAsync(row, ct);
            }
        }
    }

    /// <summary>
    /// Fixes the candidate list of a body (确定候选人, ELE-7): the nominees named go on the list, if none is blocked
    /// (ELE-5), there are enough for the differential rule, and no two share a name (<see cref="CandidateList"/>).
    /// </summary>
    public async Task FixListAsync(int id, int bodyId, FixListRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var body = await db.ElectionBodies.FirstOrDefaultAsync(b => b.Id == bodyId && b.ProjectId == id, ct) ?? throw new NotFoundException("body", bodyId);
        db.ExpectVersion(body, r.Version);
        if (body.ListFixedAt is not null)
        {
            throw new DomainRuleException("Election.ListAlreadyFixed", "bodyId");
        }

        var ids = r.NomineeIds ?? [];
        var nominees = await db.Nominees.Include(n => n.Checks).Where(n => n.BodyId == bodyId).ToListAsync(ct);
        var errors = new FieldErrors();
        if (ids.Distinct().Count() != ids.Count || ids.Any(x => nominees.All(n => n.Id != x)))
        {
            errors.Add("nomineeIds", "Election.NotNomineesOfBody");
            errors.ThrowIfAny();
        }

        var personIds = nominees.Select(n => n.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var chosen = nominees.Where(n => ids.Contains(n.Id)).ToList();
        var proposed = chosen.Select(n => new ProposedCandidate(n.Id, names[n.PersonId], Vetting.Blockers(n))).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        foreach (var problem in CandidateList.Check(proposed, body.Seats, body.MinExtraPercent))
        {
            switch (problem)
            {
                case CandidateListProblem.Blocked b:
                    errors.Add("nomineeIds", "Election.NomineeBlocked", b.Candidate.Name,
                        string.Join(rules["Election.ListSeparator"], b.Candidate.Blockers.Select(x => rules[$"Election.Blocker.{x}"].Value)));
                    break;
                case CandidateListProblem.TooFew f:
                    errors.Add("nomineeIds", "Election.TooFewCandidates", f.Seats, f.Minimum, f.MinExtraPercent, f.Count);
                    break;
                case CandidateListProblem.DuplicateName d:
                    errors.Add("nomineeIds", "Election.DuplicateName", d.Name);
                    break;
            }
        }

        errors.ThrowIfAny();
        foreach (var n in nominees)
        {
            n.OnList = ids.Contains(n.Id);
        }

        body.ListFixedAt = time.GetUtcNow();
        db.AuditAction = "ElectionBody.ListFixed";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reopens a fixed list while no round of voting exists for the body.</summary>
    public async Task UnfixListAsync(int id, int bodyId, int version, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var body = await db.ElectionBodies.FirstOrDefaultAsync(b => b.Id == bodyId && b.ProjectId == id, ct) ?? throw new NotFoundException("body", bodyId);
        db.ExpectVersion(body, version);
        if (body.ListFixedAt is null)
        {
            throw new DomainRuleException("Election.ListNotFixed", "bodyId");
        }

        if (await db.ElectionRounds.AnyAsync(x => x.BodyId == bodyId, ct))
        {
            throw new DomainRuleException("Election.ListHasRound", "bodyId");
        }

        await ClearListAsync(body, ct);
        db.AuditAction = "ElectionBody.ListUnfixed";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A nominee on a fixed list who can no longer be a candidate (a check failed or reopened, a proven report) unfixes
    /// that list, while no round has been created from it (the caller saves). Once a round exists the list stands.
    /// </summary>
    internal async Task UnfixListOfAsync(Nominee nominee, CancellationToken ct)
    {
        var body = await db.ElectionBodies.FirstAsync(b => b.Id == nominee.BodyId, ct);
        if (nominee.OnList && body.ListFixedAt is not null && !await db.ElectionRounds.AnyAsync(x => x.BodyId == body.Id, ct))
        {
            await ClearListAsync(body, ct);
        }
    }

    /// <summary>Takes every nominee of the body off the list and marks it not fixed (the caller saves).</summary>
    internal async Task ClearListAsync(ElectionBody body, CancellationToken ct)
    {
        foreach (var n in await db.Nominees.Where(n => n.BodyId == body.Id && n.OnList).ToListAsync(ct))
        {
            n.OnList = false;
        }

        body.ListFixedAt = null;
        db.Entry(body).State = EntityState.Modified;
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}
