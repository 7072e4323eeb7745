using Dangjian.Domain.Accounts;

namespace Dangjian.Domain.Tests.Accounts;

public sealed class ScopeTests
{
    // District "/1/", township A "/1/2/" with branch "/1/2/7/", township B "/1/3/", township 23 "/1/23/".
    private static Scope Single(AccountRole role, string path) =>
        new([new ScopeGrant(role, int.Parse(path.TrimEnd('/').Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), path)]);

    public static TheoryData<Permission> AllPermissions() => new(Enum.GetValues<Permission>());

    [Theory]
    [MemberData(nameof(AllPermissions))]
    public void Allows_DistrictAdmin_AllowsEveryPermissionEverywhereInDistrict(Permission permission)
    {
        var scope = Single(AccountRole.DistrictAdmin, "/1/");

        Assert.True(scope.Allows(permission, "/1/"));
        Assert.True(scope.Allows(permission, "/1/2/7/"));
        Assert.True(scope.Allows(permission, "/1/23/"));
    }

    [Fact]
    public void Allows_OrgAdminOfTownship_AllowsRestructureOnTownshipAndBelow()
    {
        var scope = Single(AccountRole.OrgAdmin, "/1/2/");

        Assert.True(scope.Allows(Permission.OrganizationsRestructure, "/1/2/"));
        Assert.True(scope.Allows(Permission.OrganizationsRestructure, "/1/2/7/"));
        Assert.True(scope.Allows(Permission.OrganizationsRestructure, "/1/2/7/40/"));
    }

    [Theory]
    [InlineData("/1/3/")] // sibling township
    [InlineData("/1/")] // the district above
    [InlineData("/1/23/")] // prefix pitfall: "/1/23/" starts with the text "/1/2"
    [InlineData("/1/23/7/")]
    public void Allows_OrgAdminOfTownship_RefusesEverythingOutsideSubtree(string path)
    {
        var scope = Single(AccountRole.OrgAdmin, "/1/2/");

        foreach (var permission in Enum.GetValues<Permission>())
        {
            Assert.False(scope.Allows(permission, path), $"{permission} on {path}");
        }
    }

    [Fact]
    public void Allows_Member_ReadsButNotPeopleNorRunsAnything()
    {
        var scope = Single(AccountRole.Member, "/1/2/7/");

        Assert.True(scope.Allows(Permission.OrganizationsRead, "/1/2/7/"));
        Assert.False(scope.Allows(Permission.PeopleRead, "/1/2/7/"));
        Assert.False(scope.Allows(Permission.OrganizationsRestructure, "/1/2/7/"));
        Assert.False(scope.Allows(Permission.AccountsManage, "/1/2/7/"));
        Assert.False(scope.Allows(Permission.AuditRead, "/1/2/7/"));
    }

    [Fact]
    public void Allows_Supervisor_ReadsPeopleAndAuditButRunsNothing()
    {
        var scope = Single(AccountRole.Supervisor, "/1/2/");

        Assert.True(scope.Allows(Permission.OrganizationsRead, "/1/2/7/"));
        Assert.True(scope.Allows(Permission.PeopleRead, "/1/2/7/"));
        Assert.True(scope.Allows(Permission.AuditRead, "/1/2/7/"));
        Assert.False(scope.Allows(Permission.OrganizationsRestructure, "/1/2/7/"));
        Assert.False(scope.Allows(Permission.AccountsManage, "/1/2/7/"));
    }

    [Fact]
    public void Allows_Secretary_RunsMeetingsButDoesNotRestructureNorReadAudit()
    {
        var scope = Single(AccountRole.Secretary, "/1/2/");

        Assert.True(scope.Allows(Permission.PeopleRead, "/1/2/7/"));
        Assert.True(scope.Allows(Permission.MeetingsRun, "/1/2/7/"));
        Assert.True(scope.Allows(Permission.MinutesSign, "/1/2/"));
        Assert.False(scope.Allows(Permission.MeetingsRun, "/1/3/"));
        Assert.False(scope.Allows(Permission.OrganizationsRestructure, "/1/2/7/"));
        Assert.False(scope.Allows(Permission.AccountsManage, "/1/2/7/"));
        Assert.False(scope.Allows(Permission.AuditRead, "/1/2/7/"));
    }

    [Fact]
    public void Holds_AnyGrantsRoleHoldingIt_WhereverItIsHeld()
    {
        var secretary = Single(AccountRole.Secretary, "/1/2/7/");

        Assert.True(secretary.Holds(Permission.MeetingsRun));
        Assert.False(secretary.Holds(Permission.ElectionsRun));
        Assert.False(Single(AccountRole.OrgAdmin, "/1/").Holds(Permission.CalendarEdit));
        Assert.True(Single(AccountRole.DistrictAdmin, "/1/2/").Holds(Permission.CalendarEdit));
    }

    [Fact]
    public void Allows_TwoGrants_CombineRolePerSubtree()
    {
        // Org admin of township 2 and plain member in township 3: writes in 2, only reads in 3.
        var scope = new Scope(
        [
            new ScopeGrant(AccountRole.OrgAdmin, 2, "/1/2/"),
            new ScopeGrant(AccountRole.Member, 3, "/1/3/"),
        ]);

        Assert.True(scope.Allows(Permission.OrganizationsRestructure, "/1/2/7/"));
        Assert.True(scope.Allows(Permission.OrganizationsRead, "/1/3/8/"));
        Assert.False(scope.Allows(Permission.OrganizationsRestructure, "/1/3/8/"));
        Assert.False(scope.Allows(Permission.PeopleRead, "/1/3/8/"));
    }

    [Fact]
    public void Allows_NoGrants_AllowsNothing()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            Assert.False(Scope.None.Allows(permission, "/1/"));
            Assert.False(Scope.None.Holds(permission));
        }

        Assert.Empty(Scope.None.Roots(Permission.OrganizationsRead));
    }

    [Fact]
    public void IsDistrictAdmin_OnlyWithDistrictAdminGrant_SeesFullIdNumbers()
    {
        Assert.True(Single(AccountRole.DistrictAdmin, "/1/").SeesFullIdNumbers);
        Assert.False(Single(AccountRole.OrgAdmin, "/1/").SeesFullIdNumbers);
        Assert.False(Scope.None.SeesFullIdNumbers);
    }

    [Fact]
    public void Roots_NestedGrants_KeepsOnlyTheOuter()
    {
        var scope = new Scope(
        [
            new ScopeGrant(AccountRole.OrgAdmin, 7, "/1/2/7/"),
            new ScopeGrant(AccountRole.OrgAdmin, 2, "/1/2/"),
            new ScopeGrant(AccountRole.OrgAdmin, 40, "/1/2/7/40/"),
        ]);

        Assert.Equal(["/1/2/"], scope.Roots(Permission.OrganizationsRestructure));
    }

    [Fact]
    public void Roots_SamePathTwice_AppearsOnce()
    {
        var scope = new Scope(
        [
            new ScopeGrant(AccountRole.Secretary, 2, "/1/2/"),
            new ScopeGrant(AccountRole.Supervisor, 2, "/1/2/"),
        ]);

        Assert.Equal(["/1/2/"], scope.Roots(Permission.PeopleRead));
    }

    [Fact]
    public void Roots_PathsSharingTextPrefix_AreBothRoots()
    {
        var scope = new Scope(
        [
            new ScopeGrant(AccountRole.OrgAdmin, 23, "/1/23/"),
            new ScopeGrant(AccountRole.OrgAdmin, 2, "/1/2/"),
        ]);

        Assert.Equal(["/1/2/", "/1/23/"], scope.Roots(Permission.OrganizationsRestructure).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Roots_OnlyGrantsAllowingThePermissionCount()
    {
        // The district-wide member grant gives Read everywhere but not Write: Write stays on township 2.
        var scope = new Scope(
        [
            new ScopeGrant(AccountRole.Member, 1, "/1/"),
            new ScopeGrant(AccountRole.OrgAdmin, 2, "/1/2/"),
            new ScopeGrant(AccountRole.Secretary, 3, "/1/3/"),
        ]);

        Assert.Equal(["/1/"], scope.Roots(Permission.OrganizationsRead));
        Assert.Equal(["/1/2/"], scope.Roots(Permission.OrganizationsRestructure));
        Assert.Equal(["/1/2/", "/1/3/"], scope.Roots(Permission.PeopleRead).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MayGrant_DistrictAdminRoleByDistrictAdmin_IsAllowed()
    {
        Assert.True(Single(AccountRole.DistrictAdmin, "/1/").MayGrant(AccountRole.DistrictAdmin, "/1/"));
    }

    [Fact]
    public void MayGrant_DistrictAdminRoleByOrgAdminOfRoot_IsRefused()
    {
        // Even an org admin over the whole district may not make district admins.
        Assert.False(Single(AccountRole.OrgAdmin, "/1/").MayGrant(AccountRole.DistrictAdmin, "/1/"));
    }

    [Fact]
    public void MayGrant_OrgAdminWithinOwnSubtree_IsAllowed()
    {
        var scope = Single(AccountRole.OrgAdmin, "/1/2/");

        Assert.True(scope.MayGrant(AccountRole.OrgAdmin, "/1/2/7/"));
        Assert.True(scope.MayGrant(AccountRole.Member, "/1/2/"));
    }

    [Theory]
    [InlineData("/1/")]
    [InlineData("/1/3/")]
    [InlineData("/1/23/")]
    public void MayGrant_OrgAdminOutsideOwnSubtree_IsRefused(string path)
    {
        Assert.False(Single(AccountRole.OrgAdmin, "/1/2/").MayGrant(AccountRole.Member, path));
    }

    [Theory]
    [InlineData(AccountRole.Secretary)]
    [InlineData(AccountRole.Member)]
    [InlineData(AccountRole.Supervisor)]
    public void MayGrant_RolesWithoutManageAccounts_GrantNothing(AccountRole role)
    {
        Assert.False(Single(role, "/1/2/").MayGrant(AccountRole.Member, "/1/2/7/"));
    }

    [Theory]
    [InlineData(AccountRole.Member)]
    [InlineData(AccountRole.Secretary)]
    [InlineData(AccountRole.Supervisor)]
    [InlineData(AccountRole.OrgAdmin)]
    [InlineData(AccountRole.DistrictAdmin)]
    public void MayIssueToken_ForOwnAccount_IsAllowedToEveryRole(AccountRole role)
    {
        Assert.True(Single(role, "/1/2/").MayIssueToken(forOwnAccount: true, managesAccount: false));
    }

    [Fact]
    public void MayIssueToken_OrgAdminForAnAccountTheyManage_IsRefused()
    {
        Assert.False(Single(AccountRole.OrgAdmin, "/1/").MayIssueToken(forOwnAccount: false, managesAccount: true));
    }

    [Fact]
    public void MayIssueToken_DistrictAdminForAnotherAccount_IsAllowedOnlyWhenManaged()
    {
        var admin = Single(AccountRole.DistrictAdmin, "/1/");

        Assert.True(admin.MayIssueToken(forOwnAccount: false, managesAccount: true));
        Assert.False(admin.MayIssueToken(forOwnAccount: false, managesAccount: false));
    }
}
