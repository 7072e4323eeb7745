using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dangjian.Domain.Tests.Organizations;

public sealed class OrganizationTreeTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    private static Organization Org(int id, OrganizationKind kind, Organization? parent = null) => new()
    {
        Id = id,
        Kind = kind,
        ParentId = parent?.Id,
        Path = OrganizationTree.PathOf(parent?.Path, id),
    };

    private static DomainRuleException Refused(Action action) => Assert.Throws<DomainRuleException>(action);

    [Fact]
    public void PathOf_NoParent_IsRootPath()
    {
        Assert.Equal("/1/", OrganizationTree.PathOf(null, 1));
    }

    [Fact]
    public void PathOf_Parent_AppendsIdAndSlash()
    {
        Assert.Equal("/1/4/27/", OrganizationTree.PathOf("/1/4/", 27));
    }

    [Theory]
    [InlineData("/1/", 1)]
    [InlineData("/1/4/", 2)]
    [InlineData("/1/4/27/", 3)]
    public void Depth_Path_CountsLevelsFromOne(string path, int depth)
    {
        Assert.Equal(depth, OrganizationTree.Depth(path));
    }

    [Fact]
    public void Ids_Path_ListsIdsRootFirst()
    {
        Assert.Equal([1, 4, 27], OrganizationTree.Ids("/1/4/27/"));
    }

    [Theory]
    [InlineData("/1/2/", "/1/2/")] // itself
    [InlineData("/1/2/7/", "/1/2/")] // child
    [InlineData("/1/2/7/9/", "/1/2/")] // grandchild
    [InlineData("/1/23/", "/1/")]
    public void IsWithin_SameOrBelow_IsTrue(string path, string ancestor)
    {
        Assert.True(OrganizationTree.IsWithin(path, ancestor));
    }

    [Theory]
    [InlineData("/1/23/", "/1/2/")] // prefix pitfall: 23 is not under 2
    [InlineData("/1/2/", "/1/23/")]
    [InlineData("/1/", "/1/2/")] // the parent is not within the child
    [InlineData("/1/3/", "/1/2/")] // sibling
    [InlineData("/11/2/", "/1/")] // prefix pitfall at the root
    public void IsWithin_OutsideSubtree_IsFalse(string path, string ancestor)
    {
        Assert.False(OrganizationTree.IsWithin(path, ancestor));
    }

    [Fact]
    public void Move_GeneralBranchToOtherTownship_RewritesItsAndDescendantsPaths()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var townshipA = Org(2, OrganizationKind.TownshipCommittee, district);
        var townshipB = Org(3, OrganizationKind.TownshipCommittee, district);
        var general = Org(4, OrganizationKind.GeneralBranch, townshipA);
        var branch = Org(5, OrganizationKind.Branch, general);
        var group = Org(6, OrganizationKind.PartyGroup, branch);

        var oldPath = OrganizationTree.Move(general, townshipB, [general, branch, group]);

        Assert.Equal("/1/2/4/", oldPath);
        Assert.Equal(3, general.ParentId);
        Assert.Equal("/1/3/4/", general.Path);
        Assert.Equal("/1/3/4/5/", branch.Path);
        Assert.Equal("/1/3/4/5/6/", group.Path);
        // Children keep their parent: only the moved node changes parent.
        Assert.Equal(4, branch.ParentId);
        Assert.Equal(5, group.ParentId);
    }

    [Fact]
    public void Move_OneLevelUp_ShortensDescendantsPaths()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var township = Org(2, OrganizationKind.TownshipCommittee, district);
        var general = Org(4, OrganizationKind.GeneralBranch, township);
        var branch = Org(5, OrganizationKind.Branch, general);
        var group = Org(6, OrganizationKind.PartyGroup, branch);

        OrganizationTree.Move(branch, township, [group]);

        Assert.Equal("/1/2/5/", branch.Path);
        Assert.Equal("/1/2/5/6/", group.Path);
    }

    [Fact]
    public void Move_NodesOutsideSubtreeInDescendantList_AreLeftAlone()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var townshipA = Org(2, OrganizationKind.TownshipCommittee, district);
        var townshipB = Org(3, OrganizationKind.TownshipCommittee, district);
        var branch = Org(7, OrganizationKind.Branch, townshipA);
        // Id 23 sits under the district: its path "/1/23/" starts with the text "/1/2" but is not under "/1/2/".
        var township23 = Org(23, OrganizationKind.TownshipCommittee, district);
        var branchOf23 = Org(24, OrganizationKind.Branch, township23);

        OrganizationTree.Move(branch, townshipB, [townshipA, townshipB, township23, branchOf23, district]);

        Assert.Equal("/1/3/7/", branch.Path);
        Assert.Equal("/1/2/", townshipA.Path);
        Assert.Equal("/1/3/", townshipB.Path);
        Assert.Equal("/1/23/", township23.Path);
        Assert.Equal("/1/23/24/", branchOf23.Path);
        Assert.Equal("/1/", district.Path);
    }

    [Fact]
    public void Move_TownshipWhosePathPrefixesAnother_DoesNotRewriteTheOther()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var township2 = Org(2, OrganizationKind.TownshipCommittee, district);
        var township23 = Org(23, OrganizationKind.TownshipCommittee, district);
        var general = Org(5, OrganizationKind.GeneralBranch, township2);
        var branchOf2 = Org(6, OrganizationKind.Branch, general);
        var branchOf23 = Org(24, OrganizationKind.Branch, township23);

        // Move 党总支 5 under township 23; every node is offered as a possible descendant.
        OrganizationTree.Move(general, township23, [district, township2, township23, general, branchOf2, branchOf23]);

        Assert.Equal("/1/23/5/", general.Path);
        Assert.Equal("/1/23/5/6/", branchOf2.Path);
        Assert.Equal("/1/23/24/", branchOf23.Path);
        Assert.Equal("/1/2/", township2.Path);
    }

    [Fact]
    public void Move_IntoOwnSubtree_ThrowsMoveCycle()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var township = Org(2, OrganizationKind.TownshipCommittee, district);
        var general = Org(4, OrganizationKind.GeneralBranch, township);
        var branch = Org(5, OrganizationKind.Branch, general);
        var group = Org(6, OrganizationKind.PartyGroup, branch);

        var ex = Refused(() => OrganizationTree.Move(general, branch, [branch, group]));

        Assert.Equal("Org.MoveCycle", ex.Code);
        Assert.Equal("parentId", ex.Field);
        Assert.Equal("/1/2/4/", general.Path);
        Assert.Equal(2, general.ParentId);
        Assert.Equal("/1/2/4/5/", branch.Path);
        Assert.Equal("/1/2/4/5/6/", group.Path);
    }

    [Fact]
    public void Move_UnderDeepDescendant_ThrowsMoveCycle()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var township = Org(2, OrganizationKind.TownshipCommittee, district);
        var general = Org(4, OrganizationKind.GeneralBranch, township);
        var branch = Org(5, OrganizationKind.Branch, general);
        var group = Org(6, OrganizationKind.PartyGroup, branch);

        var ex = Refused(() => OrganizationTree.Move(township, group, [general, branch, group]));

        Assert.Equal("Org.MoveCycle", ex.Code);
        Assert.Equal("/1/2/4/5/6/", group.Path);
    }

    [Fact]
    public void Move_UnderItself_ThrowsMoveCycle()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var general = Org(4, OrganizationKind.GeneralBranch, Org(2, OrganizationKind.TownshipCommittee, district));

        var ex = Refused(() => OrganizationTree.Move(general, general, []));

        Assert.Equal("Org.MoveCycle", ex.Code);
        Assert.Equal("/1/2/4/", general.Path);
    }

    [Fact]
    public void Move_UnderNodeWhosePathMerelySharesPrefix_IsNotACycle()
    {
        // 党总支 2 moving under township 23: "/1/23/" starts with the text "/1/2" but is not inside "/1/2/".
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var general2 = Org(2, OrganizationKind.GeneralBranch, district);
        var branchOf2 = Org(3, OrganizationKind.Branch, general2);
        var township23 = Org(23, OrganizationKind.TownshipCommittee, district);

        OrganizationTree.Move(general2, township23, [branchOf2, township23]);

        Assert.Equal("/1/23/2/", general2.Path);
        Assert.Equal("/1/23/2/3/", branchOf2.Path);
        Assert.Equal("/1/23/", township23.Path);
    }

    [Theory]
    [InlineData(OrganizationKind.TownshipCommittee, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.StreetWorkingCommittee, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.TownshipCommittee, OrganizationKind.GeneralBranch)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.DistrictCommittee, OrganizationKind.TownshipCommittee)]
    [InlineData(OrganizationKind.DistrictCommittee, OrganizationKind.StreetWorkingCommittee)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.PartyGroup)]
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.PartyGroup)]
    public void EnsureMayPlace_KindAllowedUnderParent_DoesNotThrow(OrganizationKind parentKind, OrganizationKind kind)
    {
        var parent = Org(2, parentKind, Org(1, OrganizationKind.DistrictCommittee));
        var node = new Organization { Kind = kind }; // a new node: Id 0, no path yet

        OrganizationTree.EnsureMayPlace(node, parent);
        Assert.True(parentKind.MayContain(kind));
    }

    [Theory]
    [InlineData(OrganizationKind.Branch, OrganizationKind.TownshipCommittee)] // township under branch
    [InlineData(OrganizationKind.Branch, OrganizationKind.GeneralBranch)]
    [InlineData(OrganizationKind.Branch, OrganizationKind.Branch)] // peers
    [InlineData(OrganizationKind.TownshipCommittee, OrganizationKind.TownshipCommittee)]
    [InlineData(OrganizationKind.TownshipCommittee, OrganizationKind.StreetWorkingCommittee)] // peers on one tier
    [InlineData(OrganizationKind.GeneralBranch, OrganizationKind.GeneralBranch)]
    [InlineData(OrganizationKind.TownshipCommittee, OrganizationKind.PartyGroup)] // group only under a branch
    [InlineData(OrganizationKind.StreetWorkingCommittee, OrganizationKind.PartyGroup)]
    [InlineData(OrganizationKind.DistrictCommittee, OrganizationKind.PartyGroup)]
    [InlineData(OrganizationKind.PartyGroup, OrganizationKind.PartyGroup)] // nothing under a group
    [InlineData(OrganizationKind.PartyGroup, OrganizationKind.Branch)]
    [InlineData(OrganizationKind.TownshipCommittee, OrganizationKind.DistrictCommittee)]
    [InlineData(OrganizationKind.DistrictCommittee, OrganizationKind.DistrictCommittee)]
    public void EnsureMayPlace_KindNotAllowedUnderParent_ThrowsKindNotAllowed(OrganizationKind parentKind, OrganizationKind kind)
    {
        var parent = Org(2, parentKind, Org(1, OrganizationKind.DistrictCommittee));
        var node = new Organization { Kind = kind };

        var ex = Refused(() => OrganizationTree.EnsureMayPlace(node, parent));

        Assert.Equal("Org.KindNotAllowedUnderParent", ex.Code);
        Assert.Equal("kind", ex.Field);
    }

    [Fact]
    public void Move_TownshipUnderBranch_ThrowsKindNotAllowedAndChangesNothing()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var townshipA = Org(2, OrganizationKind.TownshipCommittee, district);
        var townshipB = Org(3, OrganizationKind.TownshipCommittee, district);
        var branchOfB = Org(7, OrganizationKind.Branch, townshipB);
        var branchOfA = Org(8, OrganizationKind.Branch, townshipA);

        var ex = Refused(() => OrganizationTree.Move(townshipA, branchOfB, [branchOfA]));

        Assert.Equal("Org.KindNotAllowedUnderParent", ex.Code);
        Assert.Equal("/1/2/", townshipA.Path);
        Assert.Equal("/1/2/8/", branchOfA.Path);
    }

    [Fact]
    public void EnsureMayPlace_NoParentForDistrict_DoesNotThrow()
    {
        OrganizationTree.EnsureMayPlace(new Organization { Kind = OrganizationKind.DistrictCommittee }, null);
    }

    [Theory]
    [InlineData(OrganizationKind.TownshipCommittee)]
    [InlineData(OrganizationKind.Branch)]
    [InlineData(OrganizationKind.PartyGroup)]
    public void EnsureMayPlace_NoParentForNonDistrict_ThrowsParentRequired(OrganizationKind kind)
    {
        var ex = Refused(() => OrganizationTree.EnsureMayPlace(new Organization { Kind = kind }, null));
        Assert.Equal("Org.ParentRequired", ex.Code);
    }

    [Fact]
    public void EnsureMayPlace_DissolvedParent_ThrowsParentDissolved()
    {
        var parent = Org(2, OrganizationKind.TownshipCommittee, Org(1, OrganizationKind.DistrictCommittee));
        parent.Status = OrganizationStatus.Dissolved;

        var ex = Refused(() => OrganizationTree.EnsureMayPlace(new Organization { Kind = OrganizationKind.Branch }, parent));

        Assert.Equal("Org.ParentDissolved", ex.Code);
    }

    [Fact]
    public void Move_UnderDissolvedParent_ThrowsParentDissolvedAndChangesNothing()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);
        var townshipA = Org(2, OrganizationKind.TownshipCommittee, district);
        var townshipB = Org(3, OrganizationKind.TownshipCommittee, district);
        townshipB.Status = OrganizationStatus.Dissolved;
        var branch = Org(7, OrganizationKind.Branch, townshipA);
        var group = Org(8, OrganizationKind.PartyGroup, branch);

        var ex = Refused(() => OrganizationTree.Move(branch, townshipB, [group]));

        Assert.Equal("Org.ParentDissolved", ex.Code);
        Assert.Equal("/1/2/7/", branch.Path);
        Assert.Equal(2, branch.ParentId);
        Assert.Equal("/1/2/7/8/", group.Path);
    }

    [Fact]
    public void Dissolve_LeafWithNoPeople_SetsStatusAndDate()
    {
        var branch = Org(7, OrganizationKind.Branch, Org(2, OrganizationKind.TownshipCommittee, Org(1, OrganizationKind.DistrictCommittee)));

        OrganizationTree.Dissolve(branch, activeChildren: 0, peopleOnRoll: 0, Today);

        Assert.Equal(OrganizationStatus.Dissolved, branch.Status);
        Assert.False(branch.IsActive);
        Assert.Equal(Today, branch.DissolvedOn);
    }

    [Fact]
    public void Dissolve_OneActiveChild_ThrowsHasActiveChildren()
    {
        var township = Org(2, OrganizationKind.TownshipCommittee, Org(1, OrganizationKind.DistrictCommittee));

        var ex = Refused(() => OrganizationTree.Dissolve(township, activeChildren: 1, peopleOnRoll: 0, Today));

        Assert.Equal("Org.HasActiveChildren", ex.Code);
        Assert.Equal([1], ex.Arguments);
        Assert.True(township.IsActive);
        Assert.Null(township.DissolvedOn);
    }

    [Fact]
    public void Dissolve_OnePersonOnRoll_ThrowsHasPeople()
    {
        var branch = Org(7, OrganizationKind.Branch, Org(2, OrganizationKind.TownshipCommittee, Org(1, OrganizationKind.DistrictCommittee)));

        var ex = Refused(() => OrganizationTree.Dissolve(branch, activeChildren: 0, peopleOnRoll: 1, Today));

        Assert.Equal("Org.HasPeople", ex.Code);
        Assert.Equal([1], ex.Arguments);
        Assert.True(branch.IsActive);
        Assert.Null(branch.DissolvedOn);
    }

    [Fact]
    public void Dissolve_Root_ThrowsRootCannotBeDissolved()
    {
        var district = Org(1, OrganizationKind.DistrictCommittee);

        var ex = Refused(() => OrganizationTree.Dissolve(district, 0, 0, Today));

        Assert.Equal("Org.RootCannotBeDissolved", ex.Code);
        Assert.True(district.IsActive);
    }

    [Fact]
    public void Dissolve_AlreadyDissolved_ThrowsAndKeepsFirstDate()
    {
        var branch = Org(7, OrganizationKind.Branch, Org(2, OrganizationKind.TownshipCommittee, Org(1, OrganizationKind.DistrictCommittee)));
        OrganizationTree.Dissolve(branch, 0, 0, Today);

        var ex = Refused(() => OrganizationTree.Dissolve(branch, 0, 0, Today.AddDays(3)));

        Assert.Equal("Org.AlreadyDissolved", ex.Code);
        Assert.Equal(Today, branch.DissolvedOn);
    }

    /// <summary>A random tree (node specs after the root) and a random list of attempted moves.</summary>
    public sealed record TreeScenario((int Kind, int ParentPick)[] Nodes, (int NodePick, int TargetPick)[] Moves)
    {
        public override string ToString() =>
            $"nodes [{string.Join(", ", Nodes)}], moves [{string.Join(", ", Moves)}]";
    }

    private static readonly OrganizationKind[] BelowDistrict =
    [
        OrganizationKind.TownshipCommittee,
        OrganizationKind.StreetWorkingCommittee,
        OrganizationKind.GeneralBranch,
        OrganizationKind.Branch,
        OrganizationKind.PartyGroup,
    ];

    private static Arbitrary<TreeScenario> Scenarios() =>
        (from nodeCount in Gen.Choose(1, 40)
         from nodes in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, BelowDistrict.Length - 1), Gen.Choose(0, 10_000)), nodeCount)
         from moveCount in Gen.Choose(1, 40)
         from moves in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(0, 10_000)), moveCount)
         select new TreeScenario(nodes, moves))
        .ToArbitrary();

    /// <summary>Builds the tree: node i gets id i + 2 and a parent of a kind that may contain it.</summary>
    private static List<Organization> Build(TreeScenario scenario)
    {
        var all = new List<Organization> { Org(1, OrganizationKind.DistrictCommittee) };
        foreach (var (kindPick, parentPick) in scenario.Nodes)
        {
            var kind = BelowDistrict[kindPick];
            var eligible = all.Where(p => p.Kind.MayContain(kind)).ToList();
            if (eligible.Count == 0)
            {
                kind = OrganizationKind.TownshipCommittee;
                eligible = [all[0]];
            }

            all.Add(Org(all.Count + 1, kind, eligible[parentPick % eligible.Count]));
        }

        return all;
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="node"/> or below it, by parent links alone.</summary>
    private static bool IsSelfOrBelow(Organization candidate, Organization node, Dictionary<int, Organization> byId)
    {
        for (Organization? n = candidate; n is not null; n = n.ParentId is { } p ? byId[p] : null)
        {
            if (n.Id == node.Id)
            {
                return true;
            }
        }

        return false;
    }

    private static void AssertConsistent(List<Organization> all, Dictionary<int, Organization> byId)
    {
        foreach (var node in all)
        {
            var expected = node.ParentId is { } parentId
                ? byId[parentId].Path + node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/"
                : "/1/";
            Assert.Equal(expected, node.Path);

            // Walking up from the node ends at the root without meeting the node again.
            var steps = 0;
            for (var p = node.ParentId; p is not null; p = byId[p.Value].ParentId)
            {
                Assert.NotEqual(node.Id, p.Value);
                Assert.True(++steps <= all.Count, $"parent links from {node.Id} loop");
            }

            var ids = OrganizationTree.Ids(node.Path);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(node.Id, ids[^1]);
            Assert.True(node.Kind == OrganizationKind.DistrictCommittee || byId[node.ParentId!.Value].Kind.MayContain(node.Kind));
        }
    }

    [Property(MaxTest = 300)]
    public Property Move_RandomMovesOnRandomTree_KeepEveryPathParentPathPlusIdAndNoCycles() =>
        Prop.ForAll(Scenarios(), scenario =>
        {
            var all = Build(scenario);
            var byId = all.ToDictionary(o => o.Id);
            AssertConsistent(all, byId);

            foreach (var (nodePick, targetPick) in scenario.Moves)
            {
                var node = all[1 + (nodePick % (all.Count - 1))];
                var target = all[targetPick % all.Count];
                var oracleAllows = target.Kind.MayContain(node.Kind) && !IsSelfOrBelow(target, node, byId);

                if (oracleAllows)
                {
                    OrganizationTree.Move(node, target, all);
                    Assert.Equal(target.Id, node.ParentId);
                }
                else
                {
                    var before = all.Select(o => (o.ParentId, o.Path)).ToList();
                    Assert.Throws<DomainRuleException>(() => OrganizationTree.Move(node, target, all));
                    Assert.Equal(before, all.Select(o => (o.ParentId, o.Path)).ToList());
                }

                AssertConsistent(all, byId);
            }
        });
}
