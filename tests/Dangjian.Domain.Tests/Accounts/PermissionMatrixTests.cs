using System.Text.RegularExpressions;
using Dangjian.Domain.Accounts;

namespace Dangjian.Domain.Tests.Accounts;

public sealed partial class PermissionMatrixTests
{
    private static readonly Permission[] SecretaryRuns =
    [
        Permission.MeetingsRun, Permission.MeetingsRule, Permission.MinutesWrite, Permission.MinutesSign,
        Permission.DemocraticLifeRun, Permission.SurveysRun, Permission.EvaluationsRunMemberReview, Permission.CommitmentsRun, Permission.CommitmentsReview,
        Permission.ReviewsWrite, Permission.DuesWrite, Permission.StudyWrite, Permission.SupervisionWrite,
        Permission.DelegatesAnswer, Permission.ServicesRaise, Permission.TalksWrite, Permission.ThemeEducationReport,
    ];

    private static readonly Permission[] SecretaryNever =
    [
        Permission.OrganizationsRestructure, Permission.TeamsEdit, Permission.UnitsEdit, Permission.AccountsManage,
        Permission.PeopleEdit, Permission.PeopleImport, Permission.ElectionsRun, Permission.EvaluationsRun,
        Permission.EvaluationsDesign, Permission.CalendarEdit, Permission.AuditRead, Permission.CommitmentsSupervise,
        Permission.SupervisionNotify, Permission.SupervisionReports, Permission.CadresRead, Permission.CadresWrite,
        Permission.DelegatesManage, Permission.ServicesAnswer, Permission.ThemeEducationRun,
    ];

    public static TheoryData<AccountRole> AllRoles() => new(Enum.GetValues<AccountRole>());

    [Fact]
    public void Permissions_EveryValueHasExactlyOneRow()
    {
        Assert.Equal(Enum.GetValues<Permission>().Order(), PermissionMatrix.Permissions.Order());
        Assert.Equal(PermissionMatrix.Permissions.Count, PermissionMatrix.Permissions.Distinct().Count());
    }

    [Fact]
    public void NameOf_IsModuleDotAction_SpellingTheValue()
    {
        var names = PermissionMatrix.Permissions.Select(PermissionMatrix.NameOf).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        foreach (var p in PermissionMatrix.Permissions)
        {
            var name = PermissionMatrix.NameOf(p);
            Assert.Matches(ModuleDotAction(), name);
            Assert.Equal(p.ToString(), name.Replace(".", string.Empty, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void MineUse_EveryRoleHasTheirOwnPage(AccountRole role)
    {
        Assert.True(PermissionMatrix.Allows(role, Permission.MineUse));
    }

    [Fact]
    public void Roles_AreEveryRoleOnce()
    {
        Assert.Equal(Enum.GetValues<AccountRole>().Order(), PermissionMatrix.Roles.Order());
    }

    [Fact]
    public void DistrictAdmin_HoldsEverything()
    {
        Assert.Equal(PermissionMatrix.Permissions, PermissionMatrix.Of(AccountRole.DistrictAdmin));
    }

    [Fact]
    public void OrgAdmin_HoldsEverythingButTheCalendarTemplatesAndReportBox()
    {
        var missing = PermissionMatrix.Permissions.Except(PermissionMatrix.Of(AccountRole.OrgAdmin));

        Assert.Equal([Permission.CalendarEdit, Permission.EvaluationsDesign, Permission.SupervisionReports], missing.Order());
    }

    [Fact]
    public void Secretary_RunsTheOrganizationsOwnWork()
    {
        foreach (var p in SecretaryRuns)
        {
            Assert.True(PermissionMatrix.Allows(AccountRole.Secretary, p), PermissionMatrix.NameOf(p));
        }
    }

    [Fact]
    public void Secretary_NeitherRestructuresNorManagesAccountsNorEditsTheRosterNorRunsElections()
    {
        foreach (var p in SecretaryNever)
        {
            Assert.False(PermissionMatrix.Allows(AccountRole.Secretary, p), PermissionMatrix.NameOf(p));
        }

        // Each permission is decided one way or the other above: a new one must be placed deliberately.
        Assert.Equal(
            PermissionMatrix.Permissions.Where(p => !IsRead(p) && !IsOwn(p)).Order(),
            SecretaryRuns.Concat(SecretaryNever).Where(p => !IsRead(p)).Order());
    }

    [Fact]
    public void Supervisor_ReadsEverythingAndTheAuditLog_ChangesNothingButCommentsOnCommitments()
    {
        var held = PermissionMatrix.Of(AccountRole.Supervisor);

        // 履诺监督员 (seed 001 第五篇 三、履) comment on the commitments they watch and flag lagging ones: their only change.
        Assert.Equal(PermissionMatrix.Permissions.Where(p => IsRead(p) || IsOwn(p) || p == Permission.CommitmentsSupervise), held);
        Assert.Contains(Permission.AuditRead, held);
    }

    [Fact]
    public void Member_ReadsButNotTheRosterTheDuesLedgerNorTheAuditLog_ChangesNothing()
    {
        var held = PermissionMatrix.Of(AccountRole.Member);

        // Others' dues are theirs and the branch's business: a member sees their own on /me only.
        Assert.Equal(
            PermissionMatrix.Permissions.Where(p => (IsRead(p) && p is not (Permission.PeopleRead or Permission.AuditRead or Permission.DuesRead or Permission.StudyRead or Permission.SupervisionRead or Permission.CadresRead or Permission.ServicesRead or Permission.TalksRead)) || IsOwn(p)),
            held);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void EveryRole_HoldsItsOwnAccount(AccountRole role)
    {
        Assert.True(PermissionMatrix.Allows(role, Permission.AccountsOwn));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void EveryRole_RunningAnyCampaign_RunsMemberReviewsToo(AccountRole role)
    {
        // A campaign's kind narrows the permission it asks for (CampaignPermissions), never widens it.
        Assert.True(!PermissionMatrix.Allows(role, Permission.EvaluationsRun) || PermissionMatrix.Allows(role, Permission.EvaluationsRunMemberReview));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void EveryRole_ActingInAModule_ReadsIt(AccountRole role)
    {
        foreach (var p in PermissionMatrix.Of(role))
        {
            var module = PermissionMatrix.NameOf(p).Split('.')[0];
            var read = PermissionMatrix.Permissions.FirstOrDefault(r => PermissionMatrix.NameOf(r) == module + ".Read", p);
            Assert.True(PermissionMatrix.Allows(role, read), $"{role} holds {PermissionMatrix.NameOf(p)} but not {module}.Read");
        }
    }

    [Fact]
    public void Allows_AValueOutsideTheMatrix_IsRefused()
    {
        Assert.False(PermissionMatrix.Allows(AccountRole.DistrictAdmin, (Permission)999));
        Assert.False(PermissionMatrix.Allows((AccountRole)99, Permission.OrganizationsRead));
    }

    private static bool IsRead(Permission p) => PermissionMatrix.NameOf(p).EndsWith(".Read", StringComparison.Ordinal);

    /// <summary>What every role holds over its own things: its account and its own page.</summary>
    private static bool IsOwn(Permission p) => p is Permission.AccountsOwn or Permission.MineUse;

    [GeneratedRegex("^[A-Z][A-Za-z]+\\.[A-Z][A-Za-z]+$")]
    private static partial Regex ModuleDotAction();
}
