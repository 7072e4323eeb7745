namespace Dangjian.Domain.Accounts;

/// <summary>The roles of ORG-5. Each is held over one organization subtree.</summary>
public enum AccountRole
{
    /// <summary>组织部 — the district organization department: everything, full ID numbers.</summary>
    DistrictAdmin = 0,

    /// <summary>An organization's administrator: reads and edits its subtree, creates accounts in it.</summary>
    OrgAdmin = 1,

    /// <summary>书记 — reads the subtree; later modules let them run meetings and elections.</summary>
    Secretary = 2,

    /// <summary>A member: reads the organizations in scope and their own record.</summary>
    Member = 3,

    /// <summary>监督员 — reads the subtree and the audit log, changes nothing.</summary>
    Supervisor = 4,
}

/// <summary>An account's role over an organization subtree (ORG-5).</summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public AccountRole Role { get; set; }

    public int OrganizationId { get; set; }
}
