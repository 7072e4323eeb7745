using System.Globalization;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Organizations;

/// <summary>Rules of the organization tree (ORG-1): paths, moves without cycles, dissolution.</summary>
public static class OrganizationTree
{
    public static string PathOf(string? parentPath, int id) =>
        (parentPath ?? "/") + id.ToString(CultureInfo.InvariantCulture) + "/";

    public static int Depth(string path) => path.Count(c => c == '/') - 1;

    /// <summary>Whether <paramref name="path"/> is <paramref name="ancestorPath"/> itself or lies under it.</summary>
    public static bool IsWithin(string path, string ancestorPath) =>
        path.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>The ids on a path, root first.</summary>
    public static IReadOnlyList<int> Ids(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();

    /// <summary>
    /// Checks that <paramref name="node"/> may be created or moved under <paramref name="parent"/>:
    /// the parent is active, of a kind that may contain the node, and is neither the node itself nor
    /// below it (a move into one's own subtree would make a cycle).
    /// </summary>
    public static void EnsureMayPlace(Organization node, Organization? parent)
    {
        if (parent is null)
        {
            if (node.Kind != OrganizationKind.DistrictCommittee)
            {
                throw new DomainRuleException("Org.ParentRequired", "parentId");
            }

            return;
        }

        if (node.Id != 0 && IsWithin(parent.Path, node.Path))
        {
            throw new DomainRuleException("Org.MoveCycle", "parentId");
        }

        if (!parent.IsActive)
        {
            throw new DomainRuleException("Org.ParentDissolved", "parentId");
        }

        if (!parent.Kind.MayContain(node.Kind))
        {
            throw new DomainRuleException("Org.KindNotAllowedUnderParent", "kind");
        }
    }

    /// <summary>
    /// Moves <paramref name="node"/> under <paramref name="newParent"/> and rewrites the paths of every
    /// descendant (given in <paramref name="descendants"/>). Returns the node's old path.
    /// </summary>
    public static string Move(Organization node, Organization newParent, IEnumerable<Organization> descendants)
    {
        EnsureMayPlace(node, newParent);
        var oldPath = node.Path;
        var newPath = PathOf(newParent.Path, node.Id);
        foreach (var d in descendants)
        {
            if (d.Id == node.Id || !IsWithin(d.Path, oldPath))
            {
                continue;
            }

            d.Path = newPath + d.Path[oldPath.Length..];
        }

        node.ParentId = newParent.Id;
        node.Path = newPath;
        return oldPath;
    }

    /// <summary>
    /// Dissolves an organization (撤销). One with active sub-organizations or people still on its
    /// roll cannot be dissolved: they must be moved first, so nobody is left without an organization.
    /// </summary>
    public static void Dissolve(Organization node, int activeChildren, int peopleOnRoll, DateOnly on)
    {
        if (!node.IsActive)
        {
            throw new DomainRuleException("Org.AlreadyDissolved", "id");
        }

        if (node.ParentId is null)
        {
            throw new DomainRuleException("Org.RootCannotBeDissolved", "id");
        }

        if (activeChildren > 0)
        {
            throw new DomainRuleException("Org.HasActiveChildren", "id", activeChildren);
        }

        if (peopleOnRoll > 0)
        {
            throw new DomainRuleException("Org.HasPeople", "id", peopleOnRoll);
        }

        SaneDates.Demand(on, "on", "Field.DissolvedOn");

        node.Status = OrganizationStatus.Dissolved;
        node.DissolvedOn = on;
    }
}
