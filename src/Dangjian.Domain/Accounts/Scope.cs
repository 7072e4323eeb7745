using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Accounts;

/// <summary>A role held over the subtree at <see cref="Path"/>.</summary>
public readonly record struct ScopeGrant(AccountRole Role, int OrganizationId, string Path);

/// <summary>What a caller may do.</summary>
public enum Access
{
    /// <summary>Read organizations, teams and people.</summary>
    Read,

    /// <summary>Read the roster of people (members only see themselves).</summary>
    ReadPeople,

    /// <summary>Create, edit, move, dissolve, import.</summary>
    Write,

    /// <summary>Create accounts and issue tokens.</summary>
    ManageAccounts,

    /// <summary>Read the audit log.</summary>
    ReadAudit,
}

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

    public static bool RoleAllows(AccountRole role, Access access) => access switch
    {
        Access.Read => true,
        Access.ReadPeople => role != AccountRole.Member,
        Access.Write => role is AccountRole.DistrictAdmin or AccountRole.OrgAdmin,
        Access.ManageAccounts => role is AccountRole.DistrictAdmin or AccountRole.OrgAdmin,
        Access.ReadAudit => role is AccountRole.DistrictAdmin or AccountRole.Supervisor or AccountRole.OrgAdmin,
        _ => false,
    };

    /// <summary>Whether the caller may do <paramref name="access"/> on the organization at <paramref name="path"/>.</summary>
    public bool Allows(Access access, string path) =>
        Grants.Any(g => RoleAllows(g.Role, access) && OrganizationTree.IsWithin(path, g.Path));

    /// <summary>The subtree roots under which <paramref name="access"/> is allowed, without nested duplicates.</summary>
    public IReadOnlyList<string> Roots(Access access)
    {
        var paths = Grants.Where(g => RoleAllows(g.Role, access)).Select(g => g.Path).Distinct().OrderBy(p => p.Length).ToList();
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
    /// only a district admin grants DistrictAdmin; others grant within their ManageAccounts subtrees.
    /// </summary>
    public bool MayGrant(AccountRole role, string path) =>
        role == AccountRole.DistrictAdmin ? IsDistrictAdmin : Allows(Access.ManageAccounts, path);

    /// <summary>
    /// Whether this caller may issue a bearer token for an account: its holder may; otherwise only a district admin who
    /// manages the account, and the token's calls are then logged as the admin acting as the holder. An OrgAdmin may
    /// not mint tokens for the people below them: that would let them act as those people under their names.
    /// </summary>
    public bool MayIssueToken(bool forOwnAccount, bool managesAccount) => forOwnAccount || (IsDistrictAdmin && managesAccount);
}
