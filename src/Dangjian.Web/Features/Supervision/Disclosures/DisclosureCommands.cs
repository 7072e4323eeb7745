using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Supervision;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Common;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Supervision.Disclosures;

/// <summary>Entering a 三务公开 item (SUP-4): Supervision.Write on the organization, the rule on the entity, one audited save.</summary>
public sealed class DisclosureCommands(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<DisclosureView> PublishAsync(PublishDisclosureRequest r, CancellationToken ct = default)
    {
        var orgId = FieldErrors.RequireOrganization(r.OrganizationId);
        await scopes.DemandAsync(Permission.SupervisionWrite, orgId, ct);
        var errors = new FieldErrors();
        if (r.Category is null)
        {
            errors.Add("category", "Input.Required", "Field.Disclosure.Category");
        }

        if (r.PublishedOn is null)
        {
            errors.Add("publishedOn", "Input.Required", "Field.Disclosure.PublishedOn");
        }

        errors.ThrowIfAny();
        var item = Disclosure.Publish(orgId, r.Category!.Value, r.Title ?? string.Empty, r.Content ?? string.Empty, r.PublishedOn!.Value, clock.Today);
        db.Disclosures.Add(item);
        db.AuditAction = "Disclosure.Published";
        await db.SaveChangesAsync(ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(ct);
        return DisclosureQueries.View(item, name);
    }
}
