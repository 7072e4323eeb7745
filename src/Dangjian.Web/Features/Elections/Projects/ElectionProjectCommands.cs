using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Elections.Projects;

/// <summary>Opening, editing and closing an election project (ELE-1).</summary>
public sealed class ElectionProjectCommands(
    DangjianDbContext db, ScopeService scopes, ProjectAccess access, ElectionProjectQueries queries, TimeProvider time, IOptions<ElectionOptions> options)
{
    public async Task<int> OpenAsync(OpenProjectRequest r, CancellationToken ct = default)
    {
        if (r.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        await scopes.DemandAsync(Permission.ElectionsRun, orgId, ct);
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == orgId, ct);
        if (!org.IsActive || !org.Kind.HasLeadershipTeam())
        {
            throw new DomainRuleException("Election.OrganizationCannotElect", "organizationId");
        }

        // One open project per organization: a second one would split the records of the same election.
        if (await db.ElectionProjects.AnyAsync(p => p.OrganizationId == orgId && p.ClosedAt == null, ct))
        {
            throw new DomainRuleException("Election.ProjectAlreadyOpen", "organizationId");
        }

        var team = await queries.CurrentTeamAsync(orgId, ct);
        var project = new ElectionProject
        {
            OrganizationId = orgId,
            Title = string.Empty,
            TermNumber = r.TermNumber ?? (team?.TermNumber ?? 0) + 1,
            CurrentTermEndsOn = team?.EndsOn,
            OpenedAt = time.GetUtcNow(),
        };
        Apply(project, r.Title, project.TermNumber, r.PlannedElectionOn, r.Responsibilities, r.Bodies, []);
        db.ElectionProjects.Add(project);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else opened one between the check above and this save: the unique index refused ours.
            db.ChangeTracker.Clear();
            if (await db.ElectionProjects.AnyAsync(p => p.OrganizationId == orgId && p.ClosedAt == null, ct))
            {
                throw new DomainRuleException("Election.ProjectAlreadyOpen", "organizationId");
            }

            throw;
        }

        return project.Id;
    }

    public async Task UpdateAsync(int id, UpdateProjectRequest r, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var project = await db.ElectionProjects.Include(p => p.Bodies).FirstAsync(p => p.Id == id, ct);
        db.ExpectVersion(project, r.Version);
        var used = await db.Nominees.Where(n => n.ProjectId == id).Select(n => n.BodyId)
            .Union(db.ElectionRounds.Where(x => x.ProjectId == id).Select(x => x.BodyId)).Distinct().ToListAsync(ct);
        Apply(project, r.Title, r.TermNumber, r.PlannedElectionOn, r.Responsibilities, r.Bodies, used);
        db.Entry(project).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Closes the project (the new team is recorded, or the work is abandoned); its records stay readable.</summary>
    public async Task CloseAsync(int id, int version, CancellationToken ct = default)
    {
        await access.DemandAsync(id, Permission.ElectionsRun, ct);
        var project = await db.ElectionProjects.FirstAsync(p => p.Id == id, ct);
        db.ExpectVersion(project, version);
        project.ClosedAt = time.GetUtcNow();
        db.AuditAction = "ElectionProject.Closed";
        await db.SaveChangesAsync(ct);
    }

    private void Apply(ElectionProject project, string? title, int? termNumber, DateOnly? planned, string? responsibilities,
        IReadOnlyList<BodyRequest>? bodies, IReadOnlyList<int> usedBodies)
    {
        var errors = new FieldErrors();
        var t = errors.Text("title", "Field.Title", title, ElectionProject.MaxTitleLength);
        var resp = errors.Text("responsibilities", "Field.Responsibilities", responsibilities, ElectionProject.MaxTextLength, required: false);
        if (termNumber is null)
        {
            errors.Add("termNumber", "Input.Required", "Field.TermNumber");
        }
        else if (termNumber is < 1 or > 999)
        {
            errors.Add("termNumber", "Input.OutOfRange", "Field.TermNumber", 1, 999);
        }

        var list = bodies ?? [];
        if (list.Count == 0)
        {
            errors.Add("bodies", "Input.Required", "Field.Bodies");
        }

        var seen = new HashSet<BodyKind>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add($"bodies[{i}].kind", "Input.Required", "Field.BodyKind");
            }
            else if (!seen.Add(kind))
            {
                errors.Add($"bodies[{i}].kind", "Election.BodyTwice");
            }

            if (list[i].Seats is not { } seats)
            {
                errors.Add($"bodies[{i}].seats", "Input.Required", "Field.Seats");
            }
            else if (seats is < 1 or > 500)
            {
                errors.Add($"bodies[{i}].seats", "Input.OutOfRange", "Field.Seats", 1, 500);
            }
        }

        // A body that already has nominees or a round keeps its place; its seats are frozen once its list is fixed.
        foreach (var body in project.Bodies)
        {
            var index = list.ToList().FindIndex(b => b.Kind == body.Kind);
            if (index < 0 && usedBodies.Contains(body.Id))
            {
                errors.Add("bodies", "Election.BodyInUse");
            }
            else if (index >= 0 && body.ListFixedAt is not null && list[index].Seats != body.Seats)
            {
                errors.Add($"bodies[{index}].seats", "Election.SeatsOfFixedList");
            }
        }

        errors.ThrowIfAny();
        project.Title = t;
        project.TermNumber = termNumber!.Value;
        project.PlannedElectionOn = planned;
        project.Responsibilities = resp.Length == 0 ? null : resp;
        foreach (var gone in project.Bodies.Where(b => list.All(x => x.Kind != b.Kind)).ToList())
        {
            project.Bodies.Remove(gone);
            db.ElectionBodies.Remove(gone);
        }

        foreach (var b in list)
        {
            var body = project.Bodies.FirstOrDefault(x => x.Kind == b.Kind);
            if (body is null)
            {
                // The differential share is frozen on the body when it is created (DifferentialRule).
                project.Bodies.Add(new ElectionBody { Kind = b.Kind!.Value, Seats = b.Seats!.Value, MinExtraPercent = options.Value.PercentFor(b.Kind!.Value) });
            }
            else if (body.Seats != b.Seats)
            {
                body.Seats = b.Seats!.Value;
            }
        }
    }
}
