using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Accounts;

/// <summary>A role held over the subtree at <see cref="Path"/>.</summary>
public readonly record struct ScopeGrant(AccountRole Role, int OrganizationId, string Path);

/// <summary>
/// The caller's scope (ORG-5): the union of the subtrees their roles are held over. Every query and
/// command asks it before touching an organization's data (DESIGN.md "Scope").
/// </summary>
public sealed class Scope
{
    public static readonly Scope None = new([]);

    public Scope(IReadOnlyList<ScopeGrant> grants) => Grants = grants;

    public IReadOnlyList<ScopeGrant> Grants { get; }

    public bool IsDistrictAdmin => Grants.Any(g => g.Role == AccountRole.DistrictAdmin);

    /// <summary>Whether the full personal ID number may be shown (district admins only, ORG-3).</summary>
    public bool SeesFullIdNumbers => IsDistrictAdmin;

    /// <summary>
    /// Whether one of the caller's roles holds <paramref name="permission"/> anywhere: the check an endpoint makes
    /// before its handler runs, and the whole check for district-wide records (the calendar, evaluation templates).
    /// </summary>
    public bool Holds(Permission permission) => Grants.Any(g => PermissionMatrix.Allows(g.Role, permission));

    /// <summary>Whether the caller may do <paramref name="permission"/> on the organization at <paramref name="path"/>.</summary>
    public bool Allows(Permission permission, string path) =>
        Grants.Any(g => PermissionMatrix.Allows(g.Role, permission) && OrganizationTree.IsWithin(path, g.Path));

    /// <summary>The subtree roots under which <paramref name="permission"/> is allowed, without nested duplicates.</summary>
    public IReadOnlyList<string> Roots(Permission permission)
    {
        var paths = Grants.Where(g => PermissionMatrix.Allows(g.Role, permission)).Select(g => g.Path).Distinct().OrderBy(p => p.Length).ToList();
        var roots = new List<string>();
        foreach (var p in paths)
        {
            if (!roots.Any(r => OrganizationTree.IsWithin(p, r)))
            {
                roots.Add(p);
            }
        }

        return roots;
    }

    /// <summary>
    /// Whether a role may be granted by this caller over the organization at <paramref name="path"/>:
    /// only a district admin grants DistrictAdmin; others grant within their Accounts.Manage subtrees.
    /// </summary>
    public bool MayGrant(AccountRole role, string path) =>
        role == AccountRole.DistrictAdmin ? IsDistrictAdmin : Allows(Permission.AccountsManage, path);

    /// <summary>
    /// Whether this caller may issue a bearer token for an account: its holder may; otherwise only a district admin who
    /// manages the account, and the token's calls are then logged as the admin acting as the holder. An OrgAdmin may
    /// not mint tokens for the people below them: that would let them act as those people under their names.
    /// </summary>
    public bool MayIssueToken(bool forOwnAccount, bool managesAccount) => forOwnAccount || (IsDistrictAdmin && managesAccount);
}
