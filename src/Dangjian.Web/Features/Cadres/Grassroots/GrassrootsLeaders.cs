using Dangjian.Data;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Study.Inspections;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Grassroots;

/// <summary>
/// Who the grassroots rules apply to: the members of the teams in office (as the study rules read them,
/// <see cref="StudyLeaders"/>) of township committees and street working committees (镇乡(街道)领导干部: stays and
/// nights, seed 004, 三 (三) and (五)) and of the district committee (区四套班子领导: contact points, seed 004, 三 (五)).
/// </summary>
public sealed class GrassrootsLeaders(DangjianDbContext db)
{
    public async Task<IReadOnlyList<GrassrootsLeader>> OfSubtreeAsync(int organizationId, DateOnly day, CancellationToken ct = default) =>
        await WithKindsAsync(await new StudyLeaders(db).OfSubtreeAsync(organizationId, day, ct), ct);

    /// <summary>Refuses (400 on <c>personId</c>) a person who is not a serving team member of the organization on the day.</summary>
    public async Task DemandLeaderAsync(int organizationId, int? personId, DateOnly day, CancellationToken ct = default)
    {
        if (personId is not { } id)
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.Required", "Field.Cadre.Person"));
        }

        if (!(await new StudyLeaders(db).OfAsync(organizationId, day, ct)).Any(l => l.PersonId == id))
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Cadre.NotLeader"));
        }
    }

    private async Task<IReadOnlyList<GrassrootsLeader>> WithKindsAsync(IReadOnlyList<StudyLeader> leaders, CancellationToken ct)
    {
        var orgIds = leaders.Select(l => l.OrganizationId).Distinct().ToList();
        var kinds = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Kind, ct);
        return [.. leaders
            .Select(l => new GrassrootsLeader(
                l.PersonId, l.Name, l.OrganizationId, l.OrganizationName,
                kinds[l.OrganizationId] is OrganizationKind.TownshipCommittee or OrganizationKind.StreetWorkingCommittee,
                kinds[l.OrganizationId] == OrganizationKind.DistrictCommittee))
            .Where(l => l.Township || l.District)];
    }
}
