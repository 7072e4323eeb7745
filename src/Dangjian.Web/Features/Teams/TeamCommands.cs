using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Teams;

/// <summary>Recording a team for a term, and editing it (ORG-2).</summary>
public sealed class TeamCommands(DangjianDbContext db, ScopeService scopes)
{
    public async Task<int> CreateAsync(TeamRequest request, CancellationToken ct = default)
    {
        if (request.OrganizationId is not { } orgId)
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.Required", "Field.Organization"));
        }

        await scopes.DemandAsync(Permission.TeamsEdit, orgId, ct);
        var team = new LeadershipTeam { OrganizationId = orgId };
        await ApplyAsync(team, request, ct);
        db.LeadershipTeams.Add(team);
        await db.SaveChangesAsync(ct);
        return team.Id;
    }

    public async Task UpdateAsync(int id, TeamRequest request, CancellationToken ct = default)
    {
        var team = await db.LeadershipTeams.Include(t => t.Positions).FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("team", id);
        await scopes.DemandAsync(Permission.TeamsEdit, team.OrganizationId, ct);
        db.ExpectVersion(team, request.Version);

        await ApplyAsync(team, request, ct);

        // A seat change alone does not touch the team row; mark it so its version moves and conflicts are caught.
        db.Entry(team).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyAsync(LeadershipTeam team, TeamRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == team.OrganizationId, ct);
        if (!org.Kind.HasLeadershipTeam())
        {
            throw new DomainRuleException("Team.OrganizationHasNoTeam", "organizationId");
        }

        if (r.TermNumber is null)
        {
            errors.Add("termNumber", "Input.Required", "Field.TermNumber");
        }

        if (r.StartsOn is null)
        {
            errors.Add("startsOn", "Input.Required", "Field.StartsOn");
        }

        if (r.EndsOn is null)
        {
            errors.Add("endsOn", "Input.Required", "Field.EndsOn");
        }

        var seats = r.Positions ?? [];
        for (var i = 0; i < seats.Count; i++)
        {
            if (seats[i].PersonId is null)
            {
                errors.Add($"positions[{i}].personId", "Input.Required", "Field.Person");
            }

            if (seats[i].Role is not { } role || !Enum.IsDefined(role))
            {
                errors.Add($"positions[{i}].role", "Input.Required", "Field.Role");
            }

            errors.Text($"positions[{i}].portfolio", "Field.Portfolio", seats[i].Portfolio, TeamPosition.MaxPortfolioLength, required: false);
        }

        errors.ThrowIfAny();

        var span = new TermSpan(team.Id, r.TermNumber!.Value, r.StartsOn!.Value, r.EndsOn!.Value);
        var others = await db.LeadershipTeams.AsNoTracking().Where(t => t.OrganizationId == team.OrganizationId && t.Id != team.Id)
            .Select(t => new TermSpan(t.Id, t.TermNumber, t.StartsOn, t.EndsOn)).ToListAsync(ct);
        TermRules.EnsureValid(span, others);
        TermRules.EnsureSeatsValid(span, seats.Select(s => new Seat(s.PersonId!.Value, s.Role!.Value, s.StartsOn, s.EndsOn)).ToList());

        // Team members come from the organization's own subtree (its roll and the rolls below it).
        var personIds = seats.Select(s => s.PersonId!.Value).Distinct().ToList();
        var found = await db.People.AsNoTracking()
            .Where(p => personIds.Contains(p.Id) && !p.IsRemoved)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.Id, o.Path })
            .ToListAsync(ct);
        for (var i = 0; i < seats.Count; i++)
        {
            var hit = found.FirstOrDefault(f => f.Id == seats[i].PersonId);
            if (hit is null || !OrganizationTree.IsWithin(hit.Path, org.Path))
            {
                errors.Add($"positions[{i}].personId", "Team.PersonNotInScope");
            }
        }

        errors.ThrowIfAny();
        team.TermNumber = span.TermNumber;
        team.StartsOn = span.StartsOn;
        team.EndsOn = span.EndsOn;
        db.TeamPositions.RemoveRange(team.Positions);
        team.Positions = seats.Select(s => new TeamPosition
        {
            PersonId = s.PersonId!.Value,
            Role = s.Role!.Value,
            Portfolio = string.IsNullOrWhiteSpace(s.Portfolio) ? null : s.Portfolio.Trim(),
            StartsOn = s.StartsOn,
            EndsOn = s.EndsOn,
        }).ToList();
    }

    /// <summary>
    /// A change of member during the term (ORG-2): the seat ends the day before <see cref="ReplaceSeatRequest.On"/> and the
    /// successor, from the organization's own subtree, takes a seat of the same role from that day; both seats are kept.
    /// </summary>
    public async Task<int> ReplaceAsync(int teamId, int seatId, ReplaceSeatRequest r, CancellationToken ct = default)
    {
        var team = await db.LeadershipTeams.Include(t => t.Positions).FirstOrDefaultAsync(t => t.Id == teamId, ct)
            ?? throw new NotFoundException("team", teamId);
        await scopes.DemandAsync(Permission.TeamsEdit, team.OrganizationId, ct);
        var errors = new FieldErrors();
        if (r.PersonId is null)
        {
            errors.Add("personId", "Input.Required", "Field.Person");
        }

        if (r.On is null)
        {
            errors.Add("on", "Input.Required", "Field.ReplacedOn");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(team, r.Version);
        var orgPath = await db.Organizations.AsNoTracking().Where(o => o.Id == team.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        var personPath = await db.People.AsNoTracking().Where(p => p.Id == r.PersonId && !p.IsRemoved)
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => o.Path).FirstOrDefaultAsync(ct);
        if (personPath is null || !OrganizationTree.IsWithin(personPath, orgPath))
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Team.PersonNotInScope"));
        }

        var next = team.Replace(seatId, r.PersonId!.Value, r.On!.Value);
        db.Entry(team).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return next.Id;
    }
}
