using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Features.Teams;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Evaluations.Campaigns;

/// <summary>
/// A campaign's subjects while it is set up (EVA-3, EVA-10): one by one, many at once from the records, reordered,
/// removed. Every change goes through <see cref="CampaignAccess"/> (Permission.EvaluationsRun, still Draft) and is audited by its save.
/// </summary>
public sealed class SubjectCommands(DangjianDbContext db, CampaignAccess access, ScopeService scopes, OrgClock clock, EnumLabels labels)
{
    public async Task<int> AddSubjectAsync(int campaignId, SubjectRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await access.DemandDraftAsync(campaignId, ct);
        var errors = new FieldErrors();
        var name = errors.Text("name", "Field.Evaluation.SubjectName", r.Name, EvaluationSubject.MaxNameLength);
        var description = errors.Text("description", "Field.Evaluation.SubjectDescription", r.Description, 200, required: false);
        var scope = await scopes.GetAsync(ct);
        if (r.PersonId is { } personId)
        {
            var path = await (from p in db.People.AsNoTracking()
                              where p.Id == personId && !p.IsRemoved
                              join o in db.Organizations on p.OrganizationId equals o.Id
                              select o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !scope.Allows(Permission.PeopleRead, path))
            {
                errors.Add("personId", "Input.UnknownPerson");
            }
        }

        if (r.OrganizationId is { } subjectOrg)
        {
            var path = await db.Organizations.AsNoTracking().Where(o => o.Id == subjectOrg).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null || !scope.Allows(Permission.OrganizationsRead, path))
            {
                errors.Add("organizationId", "Input.UnknownOrganization");
            }
        }

        if (name.Length > 0 && await db.EvaluationSubjects.AnyAsync(s => s.CampaignId == campaignId && s.Name == name, ct))
        {
            errors.Add("name", "Evaluation.Duplicate", "Field.Evaluation.SubjectName", name);
        }

        errors.ThrowIfAny();
        var order = await NextSubjectOrderAsync(campaignId, ct);
        var subject = new EvaluationSubject
        {
            CampaignId = campaignId,
            Name = name,
            Description = description.Length == 0 ? null : description,
            PersonId = r.PersonId,
            SubjectOrganizationId = r.OrganizationId,
            Order = order,
        };
        db.EvaluationSubjects.Add(subject);
        await db.SaveChangesAsync(ct);
        return subject.Id;
    }

    /// <summary>
    /// Adds many subjects at once from the records: a team's current members, the branch secretaries under an
    /// organization, or a branch's full members (预备党员 take part as evaluators but are not graded, EVA-10). Names
    /// already among the subjects are skipped.
    /// </summary>
    public async Task<BulkSubjectsResult> AddSubjectsAsync(int campaignId, BulkSubjectsRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await access.DemandDraftAsync(campaignId, ct);
        var errors = new FieldErrors();
        if (r.Source is not { } source || !Enum.IsDefined(source))
        {
            errors.Add("source", "Input.Required", "Field.Evaluation.Source");
        }

        if (r.OrganizationId is null)
        {
            errors.Add("organizationId", "Input.Required", "Field.Evaluation.SourceOrganization");
        }

        errors.ThrowIfAny();
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == r.OrganizationId, ct);
        if (org is null || !(await scopes.GetAsync(ct)).Allows(Permission.PeopleRead, org.Path))
        {
            throw new InputValidationException(new FieldErrors().Add("organizationId", "Input.UnknownOrganization"));
        }

        var today = clock.Today;
        var candidates = r.Source!.Value switch
        {
            SubjectSource.TeamMembers => await TeamMembersAsync(org, today, ct),
            SubjectSource.BranchSecretaries => await BranchSecretariesAsync(org, today, ct),
            _ => await BranchMembersAsync(org, ct),
        };

        var taken = (await db.EvaluationSubjects.Where(s => s.CampaignId == campaignId).Select(s => s.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var order = await NextSubjectOrderAsync(campaignId, ct);
        var added = 0;
        foreach (var c in candidates)
        {
            if (!taken.Add(c.Name))
            {
                continue;
            }

            db.EvaluationSubjects.Add(new EvaluationSubject
            {
                CampaignId = campaignId,
                Name = c.Name,
                Description = c.Description,
                PersonId = c.PersonId,
                SubjectOrganizationId = c.OrganizationId,
                Order = order++,
            });
            added++;
        }

        db.AuditAction = "EvaluationSubject.BulkAdded";
        await db.SaveChangesAsync(ct);
        return new BulkSubjectsResult(added, candidates.Count - added);
    }

    public async Task ReorderSubjectsAsync(int campaignId, ReorderRequest r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        await access.DemandDraftAsync(campaignId, ct);
        var subjects = await db.EvaluationSubjects.Where(s => s.CampaignId == campaignId).ToListAsync(ct);
        var ids = r.SubjectIds ?? [];
        if (ids.Count != subjects.Count || ids.Distinct().Count() != ids.Count || !subjects.All(s => ids.Contains(s.Id)))
        {
            throw new InputValidationException(new FieldErrors().Add("subjectIds", "Evaluation.ReorderMismatch"));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            subjects.First(s => s.Id == ids[i]).Order = i + 1;
        }

        db.AuditAction = "EvaluationSubject.Reordered";
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveSubjectAsync(int subjectId, CancellationToken ct = default)
    {
        var t = await access.DemandSubjectAsync(subjectId, Permission.EvaluationsRun, ct);
        EvaluationCampaign.DemandStatus(t.Status, CampaignStatus.Draft);
        await db.EvaluationSubjects.Where(s => s.Id == subjectId).LoadAsync(ct);
        db.EvaluationSubjects.Remove(db.EvaluationSubjects.Local.First(s => s.Id == subjectId));
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> NextSubjectOrderAsync(int campaignId, CancellationToken ct) =>
        (await db.EvaluationSubjects.Where(s => s.CampaignId == campaignId).MaxAsync(s => (int?)s.Order, ct) ?? 0) + 1;

    private sealed record Candidate(string Name, string? Description, int? PersonId, int? OrganizationId);

    private async Task<List<Candidate>> TeamMembersAsync(Organization org, DateOnly today, CancellationToken ct)
    {
        var team = await db.LeadershipTeams.AsNoTracking().Include(t => t.Positions)
            .Where(t => t.OrganizationId == org.Id).InOffice(db.LeadershipTeams, today).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            return [];
        }

        var seats = team.Positions.Where(p => p.IsHeldOn(today)).ToList();
        var ids = seats.Select(p => p.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && !p.IsRemoved).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return seats.OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Where(p => people.ContainsKey(p.PersonId))
            .Select(p => new Candidate(people[p.PersonId], $"{org.Name} {labels.Of(p.Role)}", p.PersonId, null)).ToList();
    }

    private async Task<List<Candidate>> BranchSecretariesAsync(Organization org, DateOnly today, CancellationToken ct)
    {
        var rows = await (from o in db.Organizations.AsNoTracking()
                          where o.Path.StartsWith(org.Path) && o.Kind == OrganizationKind.Branch && o.Status == OrganizationStatus.Active
                          join t in db.LeadershipTeams.InOffice(db.LeadershipTeams, today) on o.Id equals t.OrganizationId
                          join pos in db.TeamPositions.HeldOn(today) on t.Id equals pos.TeamId
                          where pos.Role == TeamRole.Secretary
                          join p in db.People on pos.PersonId equals p.Id
                          where !p.IsRemoved
                          orderby o.SortOrder, o.Id
                          select new { p.Name, p.Id, OrgName = o.Name }).ToListAsync(ct);
        return rows.Select(x => new Candidate(x.Name, $"{x.OrgName} {labels.Of(TeamRole.Secretary)}", x.Id, null)).ToList();
    }

    private async Task<List<Candidate>> BranchMembersAsync(Organization org, CancellationToken ct)
    {
        var rows = await db.People.AsNoTracking()
            .Where(p => p.OrganizationId == org.Id && !p.IsRemoved && p.Status == MemberStatus.Full)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return rows.Select(x => new Candidate(x.Name, org.Name, x.Id, null)).ToList();
    }
}
