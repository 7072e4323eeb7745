using Dangjian.Data;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Dangjian.Web.Features.Common;

namespace Dangjian.Web.Features.Organizations;

/// <summary>
/// Changes to the tree (ORG-1): create, edit, move, dissolve. Each checks the caller's write scope on
/// every organization it touches (the node, its old and its new parent), validates the whole input,
/// applies the tree rule from Domain, and saves once (the save appends the audit entries).
/// </summary>
public sealed class OrganizationCommands(DangjianDbContext db, ScopeService scopes, OrgClock clock)
{
    public async Task<int> CreateAsync(CreateOrganizationRequest request, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var code = errors.Text("code", "Field.Code", request.Code, Organization.MaxCodeLength);
        if (code.Length is > 0 and <= Organization.MaxCodeLength && !Organization.IsValidCode(code))
        {
            errors.Add("code", Organization.CodeFormatRule, Organization.MinCodeLength, Organization.MaxCodeLength);
        }

        var name = errors.Text("name", "Field.Name", request.Name, Organization.MaxNameLength);
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Input.Required", "Field.Kind");
            kind = default;
        }

        if (request.ParentId is null)
        {
            errors.Add("parentId", "Input.Required", "Field.Parent");
        }

        errors.ThrowIfAny();
        await scopes.DemandAsync(Permission.OrganizationsRestructure, request.ParentId!.Value, ct);
        await EnsureCodeFreeAsync(code, 0, ct);

        var parent = await db.Organizations.FirstAsync(o => o.Id == request.ParentId, ct);
        var node = new Organization { Code = code, Name = name, Kind = kind, ParentId = parent.Id, Path = parent.Path };
        OrganizationTree.EnsureMayPlace(node, parent);
        node.SortOrder = await db.Organizations.CountAsync(o => o.ParentId == parent.Id, ct);

        // The path holds the node's own id, known only after insert: insert, then set it, in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Organizations.Add(node);
        await db.SaveChangesAsync(ct);
        node.Path = OrganizationTree.PathOf(parent.Path, node.Id);
        db.AuditAction = "Organization.PathAssigned";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return node.Id;
    }

    public async Task UpdateAsync(int id, UpdateOrganizationRequest request, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.OrganizationsRestructure, id, ct);
        var errors = new FieldErrors();
        var code = errors.Text("code", "Field.Code", request.Code, Organization.MaxCodeLength);
        var name = errors.Text("name", "Field.Name", request.Name, Organization.MaxNameLength);
        if (request.Kind is { } k && !Enum.IsDefined(k))
        {
            errors.Add("kind", "Input.Invalid", "Field.Kind");
        }

        errors.ThrowIfAny();
        await EnsureCodeFreeAsync(code, id, ct);

        var node = await LoadForEditAsync(id, request.Version, ct);
        if (request.Kind is { } kind && kind != node.Kind)
        {
            var parent = node.ParentId is null ? null : await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == node.ParentId, ct);
            var probe = new Organization { Id = node.Id, Kind = kind, Path = node.Path };
            OrganizationTree.EnsureMayPlace(probe, parent);
            var childKinds = await db.Organizations.Where(c => c.ParentId == id && c.Status == OrganizationStatus.Active).Select(c => c.Kind).Distinct().ToListAsync(ct);
            if (childKinds.Any(c => !kind.MayContain(c)))
            {
                throw new DomainRuleException("Org.KindNotAllowedUnderParent", "kind");
            }

            node.Kind = kind;
        }

        if (code != node.Code)
        {
            // Only a new code must fit the format: one from before it existed may stay while other fields change.
            Organization.EnsureCode(code);
            node.Code = code;
        }

        node.Name = name;
        await db.SaveChangesAsync(ct);
    }

    public async Task MoveAsync(int id, MoveOrganizationRequest request, CancellationToken ct = default)
    {
        if (request.ParentId is null)
        {
            throw new InputValidationException(new FieldErrors().Add("parentId", "Input.Required", "Field.Parent"));
        }

        await scopes.DemandAsync(Permission.OrganizationsRestructure, id, ct);
        await scopes.DemandAsync(Permission.OrganizationsRestructure, request.ParentId.Value, ct);
        var node = await LoadForEditAsync(id, request.Version, ct);
        if (node.ParentId is { } oldParent)
        {
            await scopes.DemandAsync(Permission.OrganizationsRestructure, oldParent, ct);
        }

        var newParent = await db.Organizations.FirstAsync(o => o.Id == request.ParentId, ct);
        var oldPath = node.Path;
        var descendants = await db.Organizations.Where(o => o.Path.StartsWith(oldPath) && o.Id != id).ToListAsync(ct);
        OrganizationTree.Move(node, newParent, descendants);
        db.AuditAction = "Organization.Moved";
        await db.SaveChangesAsync(ct);
        scopes.Invalidate();
    }

    public async Task DissolveAsync(int id, DissolveOrganizationRequest request, CancellationToken ct = default)
    {
        await scopes.DemandAsync(Permission.OrganizationsRestructure, id, ct);
        var node = await LoadForEditAsync(id, request.Version, ct);
        var activeChildren = await db.Organizations.CountAsync(o => o.ParentId == id && o.Status == OrganizationStatus.Active, ct);
        var people = await db.People.CountAsync(p => p.OrganizationId == id && !p.IsRemoved, ct);
        var today = clock.Today;
        OrganizationTree.Dissolve(node, activeChildren, people, request.On ?? today);
        db.AuditAction = "Organization.Dissolved";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Loads a node for change, with the version the caller saw: a stale version fails the save with a conflict.</summary>
    private async Task<Organization> LoadForEditAsync(int id, int version, CancellationToken ct)
    {
        var node = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("organization", id);
        db.ExpectVersion(node, version);

        return node;
    }

    private async Task EnsureCodeFreeAsync(string code, int exceptId, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(o => o.Code == code && o.Id != exceptId, ct))
        {
            throw new DomainRuleException("Org.CodeTaken", "code", code);
        }
    }
}
