namespace Dangjian.Domain.Elections;

/// <summary>
/// 差额 (ELE-7): a candidate list must exceed the seats by a share. 《中国共产党基层组织选举工作条例》第十二条:
/// 委员候选人的差额不少于应选人数的20%; delegates follow the same rule (《中国共产党地方组织选举工作条例》第十一条);
/// 书记、副书记 elected by the committee may be 等额 (第十三条). The share is data (<see cref="Defaults"/> can be
/// overridden in configuration) and is frozen on each <see cref="ElectionBody"/> when it is created.
/// </summary>
public static class DifferentialRule
{
    public static readonly IReadOnlyDictionary<BodyKind, int> Defaults = new Dictionary<BodyKind, int>
    {
        [BodyKind.Committee] = 20,
        [BodyKind.Delegates] = 20,
        [BodyKind.DisciplineCommittee] = 20,
        [BodyKind.Secretary] = 0,
        [BodyKind.DeputySecretary] = 0,
    };

    /// <summary>
    /// The fewest candidates a list for <paramref name="seats"/> may have: seats plus the share rounded up
    /// (5 seats at 20% → 6; 7 → 9; 9 → 11; 10 → 12). With a share of 0 it is the seats (等额).
    /// </summary>
    public static int MinimumCandidates(int seats, int minExtraPercent) =>
        seats + (int)(((long)seats * minExtraPercent + 99) / 100);
}
