using Dangjian.Data;
using Dangjian.Domain.Common;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Cadres.Exits;

/// <summary>What the cadre-case commands and queries of CAD-7 share: an organization's subtree, and a cadre on its rolls.</summary>
public static class CadreRecords
{
    /// <summary>The ids of the organization's subtree, as a query to compose.</summary>
    public static async Task<(string Name, IQueryable<int> Ids)> SubtreeAsync(DangjianDbContext db, int orgId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Name, o.Path }).FirstAsync(ct);
        return (root.Name, ScopeQuery.Within(db.Organizations.AsNoTracking(), [root.Path]).Select(o => o.Id));
    }

    /// <summary>Refuses on <c>personId</c> unless the person is on the rolls of the organization's subtree.</summary>
    public static async Task DemandCadreAsync(DangjianDbContext db, int orgId, int? personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (personId is not { } id)
        {
            throw new InputValidationException(new FieldErrors().Add("personId", "Input.Required", "Field.Cadre.Person"));
        }

        var (_, ids) = await SubtreeAsync(db, orgId, ct);
        if (!await db.People.AnyAsync(p => p.Id == id && !p.IsRemoved && ids.Contains(p.OrganizationId), ct))
        {
            throw new DomainRuleException("Cadre.PersonNotInOrganization", "personId");
        }
    }

    /// <summary>The names of people by id.</summary>
    public static async Task<Dictionary<int, string>> NamesAsync(DangjianDbContext db, IEnumerable<int> personIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = personIds.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    /// <summary>The names of organizations by id.</summary>
    public static async Task<Dictionary<int, string>> OrganizationNamesAsync(DangjianDbContext db, IEnumerable<int> orgIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = orgIds.Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>A typed day on a page; text that is no day is sent as one the rules refuse, so the field says what is wrong.</summary>
    public static DateOnly? Day(string? text) => string.IsNullOrWhiteSpace(text) ? null : DateText.TryParse(text, out var day) ? day : DateOnly.MinValue;
}
