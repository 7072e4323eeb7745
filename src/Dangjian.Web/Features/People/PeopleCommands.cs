using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.People;

/// <summary>Creating and editing people (ORG-3), with write scope on the old and the new organization.</summary>
public sealed class PeopleCommands(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<int> CreateAsync(PersonRequest request, CancellationToken ct = default)
    {
        var person = await CheckAsync(request, exceptId: 0, ct);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person.Id;
    }

    public async Task UpdateAsync(int id, PersonRequest request, CancellationToken ct = default)
    {
        var existing = await db.People.FirstOrDefaultAsync(p => p.Id == id && !p.IsRemoved, ct) ?? throw new NotFoundException("person", id);
        await scopes.DemandAsync(Permission.PeopleEdit, existing.OrganizationId, ct);

        // Editors who only ever see the masked number send it back unchanged: that keeps the stored one.
        if (request.IdNumber is { Length: > 0 } shown && existing.IdNumber is not null && shown == IdNumber.Mask(existing.IdNumber))
        {
            request = request with { IdNumber = existing.IdNumber };
        }

        var changed = await CheckAsync(request, id, ct);

        // Optimistic concurrency: the save only succeeds if nobody saved since the editor loaded this version.
        db.ExpectVersion(existing, request.Version);

        existing.Name = changed.Name;
        existing.Record(changed.Facts(), Today());
        existing.OrganizationId = changed.OrganizationId;
        existing.Phone = changed.Phone;
        existing.Ethnicity = changed.Ethnicity;
        existing.Education = changed.Education;
        existing.Workplace = changed.Workplace;
        existing.IsCadre = changed.IsCadre;
        await db.SaveChangesAsync(ct);
    }

    private async Task<Person> CheckAsync(PersonRequest request, int exceptId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var person = PersonInput.Check(request, Today(), errors);
        if (request.OrganizationId is { } orgId)
        {
            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Path, o.Status }).FirstOrDefaultAsync(ct);
            var scope = await scopes.GetAsync(ct);
            if (org is null)
            {
                errors.Add("organizationId", "Input.UnknownOrganization");
            }
            else if (!scope.Allows(Permission.PeopleEdit, org.Path))
            {
                throw new ScopeRefusedException();
            }
            else if (org.Status != OrganizationStatus.Active)
            {
                errors.Add("organizationId", "Person.OrganizationDissolved");
            }
        }

        if (person?.IdNumber is { } idNumber && await db.People.AnyAsync(p => p.IdNumber == idNumber && p.Id != exceptId, ct))
        {
            errors.Add("idNumber", "IdNumber.Duplicate");
        }

        errors.ThrowIfAny();
        return person ?? throw new DomainRuleException("Input.Invalid", "name");
    }

    private DateOnly Today() => clock.Today;
}
