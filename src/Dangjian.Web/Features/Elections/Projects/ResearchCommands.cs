using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>Research records and one-to-one talks (ELE-2), and the 四必看/四必谈/四必训 checklists (ELE-3).</summary>
public sealed class ResearchCommands(DangjianDbContext db, ScopeService scopes, ProjectAccess access, ElectionProjectQueries queries, OrgClock clock)
{
    public async Task<int> AddResearchAsync(int id, ResearchRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var errors = new FieldErrors();
        if (r.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.Kind");
        }

        if (r.HeldOn is null)
        {
            errors.Add("heldOn", "Input.Required", "Field.HeldOn");
        }

        if (r.Participants is null)
        {
            errors.Add("participants", "Input.Required", "Field.Participants");
        }
        else if (r.Participants is < 0 or > 1_000_000)
        {
            errors.Add("participants", "Input.OutOfRange", "Field.Participants", 0, 1_000_000);
        }

        var reference = errors.Text("reference", "Field.Reference", r.Reference, ResearchRecord.MaxReferenceLength, required: false);
        var summary = errors.Text("summary", "Field.Summary", r.Summary, ElectionProject.MaxTextLength, required: false);
        errors.ThrowIfAny();
        var record = new ResearchRecord
        {
            ProjectId = id, Kind = r.Kind!.Value, HeldOn = r.HeldOn!.Value, Participants = r.Participants!.Value,
            Reference = reference.Length == 0 ? null : reference, Summary = summary.Length == 0 ? null : summary,
        };
        db.ResearchRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    /// <summary>
    /// Puts every member on the organization's own roll and every member of its current team on the talk list
    /// (谈心谈话全覆盖); run again, it adds only those not yet listed.
    /// </summary>
    public async Task<int> GenerateTalksAsync(int id, CancellationToken ct = default)
    {
        var orgId = await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var (team, members) = await PeopleOfAsync(orgId, ct);
        var listed = await db.TalkTargets.Where(t => t.ProjectId == id).Select(t => t.PersonId).ToListAsync(ct);
        var fresh = team.Concat(members).Distinct().Except(listed).ToList();
        db.TalkTargets.AddRange(fresh.Select(p => new TalkTarget { ProjectId = id, PersonId = p }));
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    public async Task UpdateTalkAsync(int id, int targetId, TalkRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var target = await db.TalkTargets.FirstOrDefaultAsync(t => t.Id == targetId && t.ProjectId == id, ct)
            ?? throw new NotFoundException("talk target", targetId);
        db.ExpectVersion(target, r.Version);
        var errors = new FieldErrors();
        var note = errors.Text("note", "Field.Note", r.Note, ElectionProject.MaxTextLength, required: false);
        errors.ThrowIfAny();
        target.Record(r.Status, r.TalkedOn, note);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Many talk rows in one save (ELE-2): every row is read before any is kept, a bad row is named by its number and
    /// person, and a row changed by someone else since it was read is a conflict; nothing is saved unless all are good.
    /// </summary>
    public async Task UpdateTalksAsync(int id, TalksRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var targets = await db.TalkTargets.Where(t => t.ProjectId == id).ToListAsync(ct);
        var personIds = targets.Select(t => t.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var rows = r.Rows ?? [];
        var errors = new FieldErrors();
        if (rows.Count == 0)
        {
            errors.Add("rows", "Input.Required", "Field.TalkTargets");
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var rowErrors = new FieldErrors();
            var target = targets.FirstOrDefault(t => t.Id == row.Id);
            if (target is null)
            {
                rowErrors.Add("id", "Input.Invalid", "Field.TalkTarget");
            }
            else if (!seen.Add(target.Id))
            {
                rowErrors.Add("id", "Election.RowTwice");
            }

            var note = rowErrors.Text("note", "Field.Note", row.Note, ElectionProject.MaxTextLength, required: false);
            rowErrors.SaneDay("talkedOn", "Field.TalkedOn", row.TalkedOn);
            if (target is not null && !rowErrors.Any)
            {
                try
                {
                    target.Record(row.Status, row.TalkedOn, note);
                    db.ExpectVersion(target, row.Version);
                }
                catch (DomainRuleException e)
                {
                    rowErrors.AddAll(e.Problems);
                }
            }

            errors.AddRow("rows", i, target is null ? string.Empty : names.GetValueOrDefault(target.PersonId, string.Empty), rowErrors);
        }

        errors.ThrowIfAny();
        db.AuditAction = "TalkTarget.Recorded";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Generates the checklists with <see cref="Checklists.Generate"/> from the current team, the organization's own
    /// members and the election staff named; idempotent: only items not yet there are added.
    /// </summary>
    public async Task<int> GenerateChecklistsAsync(int id, GenerateChecklistsRequest r, CancellationToken ct = default)
    {
        var orgId = await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var staff = (r.StaffPersonIds ?? []).Distinct().ToList();
        var errors = new FieldErrors();
        var found = await db.People.AsNoTracking().Where(p => staff.Contains(p.Id) && !p.IsRemoved)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Id, o.Path }).ToListAsync(ct);
        var scope = await scopes.GetAsync(ct);
        var list = r.StaffPersonIds ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var hit = found.FirstOrDefault(f => f.Id == list[i]);
            if (hit is null || !scope.Allows(Permission.PeopleRead, hit.Path))
            {
                errors.Add($"staffPersonIds[{i}]", "Input.UnknownPerson");
            }
        }

        errors.ThrowIfAny();
        var (team, members) = await PeopleOfAsync(orgId, ct);
        var existing = (await db.ChecklistItems.Where(c => c.ProjectId == id).Select(c => new { c.PersonId, c.Kind }).ToListAsync(ct))
            .Select(x => (x.PersonId, x.Kind)).ToHashSet();
        var fresh = Checklists.Generate(team, members, staff).Where(x => !existing.Contains((x.PersonId, x.Kind))).ToList();
        db.ChecklistItems.AddRange(fresh.Select(x => new ChecklistItem { ProjectId = id, PersonId = x.PersonId, Kind = x.Kind, Reason = x.Reason }));
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>Marks an item done on a day, or undone (null).</summary>
    public async Task MarkChecklistAsync(int id, int itemId, ChecklistDoneRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var item = await db.ChecklistItems.FirstOrDefaultAsync(c => c.Id == itemId && c.ProjectId == id, ct)
            ?? throw new NotFoundException("checklist item", itemId);
        item.DoneOn = r.DoneOn;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks many items done on one day, or undone (null), in one save; an item not of the project is named by its row.</summary>
    public async Task MarkChecklistsAsync(int id, ChecklistsDoneRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var ids = r.ItemIds ?? [];
        var items = await db.ChecklistItems.Where(c => c.ProjectId == id && ids.Contains(c.Id)).ToListAsync(ct);
        var errors = new FieldErrors();
        if (ids.Count == 0)
        {
            errors.Add("itemIds", "Input.Required", "Field.ChecklistItems");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (items.All(x => x.Id != ids[i]))
            {
                errors.AddRow("itemIds", i, string.Empty, new FieldErrors().Add("id", "Input.Invalid", "Field.ChecklistItem"));
            }
        }

        errors.SaneDay("doneOn", "Field.DoneOn", r.DoneOn);
        errors.ThrowIfAny();
        foreach (var item in items)
        {
            item.DoneOn = r.DoneOn;
        }

        db.AuditAction = r.DoneOn is null ? "ChecklistItem.Undone" : "ChecklistItem.Done";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The current team's members and the party members on the organization's own roll (not removed).</summary>
    private async Task<(List<int> Team, List<int> Members)> PeopleOfAsync(int orgId, CancellationToken ct)
    {
        var team = await queries.CurrentTeamAsync(orgId, ct);
        var today = clock.Today;
        var teamIds = team?.Positions.Where(p => p.IsHeldOn(today)).Select(p => p.PersonId).Distinct().ToList() ?? [];
        var members = await db.People.AsNoTracking()
            .Where(p => p.OrganizationId == orgId && !p.IsRemoved && p.Status != MemberStatus.Resident)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return (teamIds, members);
    }
}
