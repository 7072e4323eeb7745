using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Tests.Organizations;

/// <summary>ORG-1: merging organization B into A — each rule on both sides.</summary>
public sealed class OrganizationMergeTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private readonly Organization _district;
    private readonly Organization _township;
    private readonly Organization _branchA;
    private readonly Organization _branchB;
    private readonly Organization _groupOfB;
    private readonly Organization _dissolvedGroupOfB;
    private readonly List<Organization> _subtreeOfB;

    public OrganizationMergeTests()
    {
        _district = Org(1, OrganizationKind.DistrictCommittee);
        _township = Org(2, OrganizationKind.TownshipCommittee, _district);
        _branchA = Org(3, OrganizationKind.Branch, _township);
        _branchB = Org(4, OrganizationKind.Branch, _township);
        _groupOfB = Org(5, OrganizationKind.PartyGroup, _branchB);
        _dissolvedGroupOfB = Org(6, OrganizationKind.PartyGroup, _branchB);
        _dissolvedGroupOfB.Status = OrganizationStatus.Dissolved;
        _subtreeOfB = [_groupOfB, _dissolvedGroupOfB];
    }

    private static Organization Org(int id, OrganizationKind kind, Organization? parent = null) => new()
    {
        Id = id,
        Kind = kind,
        ParentId = parent?.Id,
        Path = OrganizationTree.PathOf(parent?.Path, id),
    };

    private void Merge(Organization from, Organization into, MergeBlockers? blockers = null, DateOnly? on = null) =>
        OrganizationMerge.Merge(from, into, from == _branchB ? _subtreeOfB : [], blockers ?? MergeBlockers.None, on ?? Today, Today);

    private static string Refusal(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    [Fact]
    public void Merge_TwoBranches_DissolvesBMarkedMergedIntoA()
    {
        Merge(_branchB, _branchA);

        Assert.Equal(OrganizationStatus.Dissolved, _branchB.Status);
        Assert.Equal(Today, _branchB.DissolvedOn);
        Assert.Equal(_branchA.Id, _branchB.MergedIntoId);
        Assert.True(_branchA.IsActive);
        Assert.Null(_branchA.MergedIntoId);
    }

    [Fact]
    public void Merge_ActiveChildOfB_MovesUnderAWithItsPath()
    {
        Merge(_branchB, _branchA);

        Assert.Equal(_branchA.Id, _groupOfB.ParentId);
        Assert.Equal("/1/2/3/5/", _groupOfB.Path);
    }

    [Fact]
    public void Merge_DissolvedChildOfB_StaysUnderB()
    {
        Merge(_branchB, _branchA);

        Assert.Equal(_branchB.Id, _dissolvedGroupOfB.ParentId);
        Assert.Equal("/1/2/4/6/", _dissolvedGroupOfB.Path);
    }

    [Fact]
    public void Merge_BAlreadyDissolved_Refused()
    {
        _branchB.Status = OrganizationStatus.Dissolved;
        Assert.Equal("Org.AlreadyDissolved", Refusal(() => Merge(_branchB, _branchA)));
    }

    [Fact]
    public void Merge_TargetDissolved_RefusedChangingNothing()
    {
        _branchA.Status = OrganizationStatus.Dissolved;
        Assert.Equal("Org.MergeTargetDissolved", Refusal(() => Merge(_branchB, _branchA)));
        Assert.True(_branchB.IsActive);
        Assert.Equal(_branchB.Id, _groupOfB.ParentId);
    }

    [Fact]
    public void Merge_IntoItself_Refused()
    {
        Assert.Equal("Org.MergeIntoItself", Refusal(() => Merge(_branchB, _branchB)));
    }

    [Fact]
    public void Merge_Root_Refused()
    {
        var otherRoot = Org(9, OrganizationKind.DistrictCommittee);
        Assert.Equal("Org.RootCannotBeDissolved", Refusal(() => Merge(_district, otherRoot)));
    }

    [Fact]
    public void Merge_IntoOwnSubOrganization_Refused()
    {
        var generalBranch = Org(10, OrganizationKind.GeneralBranch, _township);
        var branchUnder = Org(11, OrganizationKind.Branch, generalBranch);
        var anotherBranch = Org(12, OrganizationKind.Branch, branchUnder);
        Assert.Equal("Org.MergeIntoOwnSubtree", Refusal(() => OrganizationMerge.Merge(branchUnder, anotherBranch, [anotherBranch], MergeBlockers.None, Today, Today)));
    }

    [Fact]
    public void Merge_BranchIntoTownshipCommittee_RefusedAsAnotherLevel()
    {
        var otherTownship = Org(20, OrganizationKind.TownshipCommittee, _district);
        Assert.Equal("Org.MergeLevelMismatch", Refusal(() => Merge(_branchB, otherTownship)));
    }

    [Fact]
    public void Merge_TownshipIntoStreetCommittee_AllowedAsPeers()
    {
        var street = Org(21, OrganizationKind.StreetWorkingCommittee, _district);
        OrganizationMerge.Merge(_township, street, [_branchA, _branchB, _groupOfB, _dissolvedGroupOfB], MergeBlockers.None, Today, Today);

        Assert.Equal(street.Id, _branchA.ParentId);
        Assert.Equal("/1/21/4/5/", _groupOfB.Path);
    }

    [Theory]
    [InlineData(1, 0, 0, 0, 0, 0, 0)]
    [InlineData(0, 1, 0, 0, 0, 0, 0)]
    [InlineData(0, 0, 1, 0, 0, 0, 0)]
    [InlineData(0, 0, 0, 1, 0, 0, 0)]
    [InlineData(0, 0, 0, 0, 1, 0, 0)]
    [InlineData(0, 0, 0, 0, 0, 1, 0)]
    [InlineData(0, 0, 0, 0, 0, 0, 1)]
    public void Merge_WorkUnderWayInB_RefusedWithTheCount(int meetings, int dlms, int elections, int evaluations, int surveys, int matters, int teamNotices)
    {
        var e = Assert.Throws<DomainRuleException>(() => Merge(_branchB, _branchA, new MergeBlockers(meetings, dlms, elections, evaluations, surveys, matters, teamNotices)));

        Assert.Equal("Org.MergeBlocked", e.Code);
        Assert.Equal(1, e.Arguments[0]);
        Assert.True(_branchB.IsActive);
    }

    [Fact]
    public void Merge_OnToday_Allowed_TomorrowRefused()
    {
        Assert.Equal("Org.MergeInFuture", Refusal(() => Merge(_branchB, _branchA, on: Today.AddDays(1))));
        Assert.True(_branchB.IsActive);

        Merge(_branchB, _branchA, on: Today);
        Assert.Equal(Today, _branchB.DissolvedOn);
    }

    [Fact]
    public void Merge_DayBefore1900_RefusedAsOutOfRange()
    {
        Assert.Equal(SaneDates.OutOfRange, Refusal(() => Merge(_branchB, _branchA, on: new DateOnly(1899, 12, 31))));
    }
}
