using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;

namespace Dangjian.Domain.Tests.Elections;

/// <summary>四个凡提必 (ELE-5): a check recorded once covers the person's every nomination in the project.</summary>
public sealed class VettingTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static Nominee Row(int id, int personId, int projectId = 1) => new()
    {
        Id = id, ProjectId = projectId, BodyId = id, PersonId = personId,
        Checks = Enum.GetValues<VettingKind>().Select(k => new VettingCheck { Id = id * 10 + (int)k, NomineeId = id, Kind = k }).ToList(),
    };

    [Fact]
    public void Record_PersonNominatedToTwoBodies_AppliesToBoth_NotToOthersOrOtherProjects()
    {
        var committee = Row(1, personId: 7);
        var discipline = Row(2, personId: 7);
        var other = Row(3, personId: 8);
        var elsewhere = Row(4, personId: 7, projectId: 2);

        var changed = Vetting.Record(committee, [committee, discipline, other, elsewhere], VettingKind.Dossier,
            new VettingEntry(VettingResult.Passed, "组织部", Day, null));

        Assert.Equal([committee.Id, discipline.Id], changed.Select(c => c.NomineeId));
        Assert.All([committee, discipline], n => Assert.Equal(VettingResult.Passed, n.Checks.Single(c => c.Kind == VettingKind.Dossier).Result));
        Assert.All([other, elsewhere], n => Assert.Equal(VettingResult.Open, n.Checks.Single(c => c.Kind == VettingKind.Dossier).Result));
    }

    [Fact]
    public void Record_SameEntryAgain_ChangesNothing()
    {
        var n = Row(1, 7);
        var entry = new VettingEntry(VettingResult.Failed, "纪委", Day, "有线索");
        Vetting.Record(n, [n], VettingKind.Petitions, entry);

        Assert.Empty(Vetting.Record(n, [n], VettingKind.Petitions, entry));
    }

    [Fact]
    public void Blockers_AllFourPassedOnceForTwoBodies_BothCanBeCandidates()
    {
        var a = Row(1, 7);
        var b = Row(2, 7);
        foreach (var kind in Enum.GetValues<VettingKind>())
        {
            Vetting.Record(a, [a, b], kind, new VettingEntry(VettingResult.Passed, "组织部", Day, null));
        }

        Assert.Empty(Vetting.Blockers(a));
        Assert.Empty(Vetting.Blockers(b));
    }
}

/// <summary>What follows a counted round (ELE-12): run-off for a tie, 另行选举 for seats left unfilled, nothing otherwise.</summary>
public sealed class SupplementaryElectionTests
{
    private static CountResult Counted(string[] elected, int unfilled, Runoff? runoff = null) =>
        new(CountStatus.Counted, null, 3, 4, 4, 0, [], elected, runoff, unfilled);

    [Fact]
    public void Next_SeatsUnfilled_IsSupplementaryAmongTheNotElected()
    {
        var (names, seats) = SupplementaryElection.Next(Counted(["甲"], unfilled: 1), ["乙", "甲", "丙"]);

        Assert.Equal(["乙", "丙"], names);
        Assert.Equal(1, seats);
    }

    [Fact]
    public void Next_Tie_IsRunoffAmongTheTied()
    {
        var (names, seats) = SupplementaryElection.Next(Counted([], 0, new Runoff(["甲", "乙"], 1)), ["甲", "乙", "丙"]);

        Assert.Equal(["甲", "乙"], names);
        Assert.Equal(1, seats);
    }

    [Fact]
    public void Next_EverySeatFilled_OrVoid_OrNobodyLeft_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => SupplementaryElection.Next(Counted(["甲", "乙"], 0), ["甲", "乙", "丙"]));
        Assert.Throws<DomainRuleException>(() => SupplementaryElection.Next(
            new CountResult(CountStatus.Void, VoidReason.QuorumNotMet, 3, 0, 0, 0, [], [], null, 2), ["甲"]));
        Assert.Throws<DomainRuleException>(() => SupplementaryElection.Next(Counted(["甲"], 1), ["甲"]));
        Assert.Throws<DomainRuleException>(() => SupplementaryElection.Next(null, ["甲"]));
    }

    [Fact]
    public void Owed_UnfilledRoundNotYetFollowed_IsOwed_OnceFollowedTheFollowerDecides()
    {
        var first = new FormalRound(1, 10, null, Counted(["甲"], unfilled: 1));
        Assert.Equal([new SeatsOwed(1, 10, 1, 0)], SupplementaryElection.Owed([first]));

        var pending = new FormalRound(2, 10, 1, null);
        Assert.Empty(SupplementaryElection.Owed([first, pending]));

        var filled = pending with { Result = Counted(["乙"], 0) };
        Assert.Empty(SupplementaryElection.Owed([first, filled]));
    }

    [Theory]
    [InlineData(0, ElectionStage.Published)]
    [InlineData(1, ElectionStage.Meeting)]
    public void Stage_PublishedRoundsWithSeatsOwed_StayAtTheMeeting(int owed, ElectionStage expected) =>
        Assert.Equal(expected, new ElectionProgress(false, true, true, true, true, true, true, owed).Stage);
}
