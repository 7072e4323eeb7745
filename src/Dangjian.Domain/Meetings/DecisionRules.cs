namespace Dangjian.Domain.Meetings;

/// <summary>What an agenda item is (MTG-3): 重大事项, 干部任免, or a routine matter (一般事项).</summary>
public enum ItemCategory
{
    Major,
    Cadre,
    Routine,
}

/// <summary>
/// A share of a whole as the regulations word it: 超过半数 is "more than 1/2" (<see cref="Inclusive"/> false: exactly half
/// fails), 三分之二以上 is "2/3 or more" (inclusive: in Chinese regulations 以上 includes the number itself). Compared in
/// integers, so 4 of 6 meets two thirds exactly and nothing is lost to rounding.
/// </summary>
public readonly record struct Share(int Numerator, int Denominator, bool Inclusive)
{
    /// <summary>超过半数.</summary>
    public static readonly Share MoreThanHalf = new(1, 2, Inclusive: false);

    /// <summary>三分之二以上 (the number itself included).</summary>
    public static readonly Share TwoThirdsOrMore = new(2, 3, Inclusive: true);

    /// <summary>半数以上 (half included): MTG-4's "half or more of the team members".</summary>
    public static readonly Share HalfOrMore = new(1, 2, Inclusive: true);

    public bool IsMet(int part, int whole)
    {
        var left = (long)part * Denominator;
        var right = (long)Numerator * whole;
        return Inclusive ? left >= right : left > right;
    }

    /// <summary>The smallest part of <paramref name="whole"/> that meets the share.</summary>
    public int SmallestPart(int whole)
    {
        var exact = (long)Numerator * whole;
        var part = exact / Denominator;
        return (int)(IsMet((int)part, whole) ? part : part + 1);
    }
}

/// <summary>The attendance an item needs (MTG-3).</summary>
public sealed record QuorumRule(Share Attendance, bool InChargeMustBePresent);

/// <summary>
/// The decision rules as data (the thresholds are rule data with these defaults). Sources:
/// 《中国共产党支部工作条例（试行）》第二十二条 and 《中国共产党党组工作条例》第二十五条 (讨论决定重大问题，应到会成员超过半数到会方能召开;
/// 表决以应到会成员超过半数同意为通过); 《党政领导干部选拔任用工作条例》第四十九条 (讨论决定干部任免事项，必须有三分之二以上成员到会);
/// seed 000 二 and 004 四 (分管领导到会; 书记末位表态; 一把手意见与多数意见相左时报上级).
/// </summary>
public sealed record DecisionRules
{
    public QuorumRule Major { get; init; } = new(Share.MoreThanHalf, InChargeMustBePresent: true);

    public QuorumRule Cadre { get; init; } = new(Share.TwoThirdsOrMore, InChargeMustBePresent: false);

    public QuorumRule Routine { get; init; } = new(Share.MoreThanHalf, InChargeMustBePresent: false);

    /// <summary>An item passes when the votes for it are this share of the members entitled to attend (应到会成员超过半数同意).</summary>
    public Share Pass { get; init; } = Share.MoreThanHalf;

    /// <summary>A matter raised by this share of the team members must go on the agenda (MTG-4: 半数以上).</summary>
    public Share MandatoryAgenda { get; init; } = Share.HalfOrMore;

    public static DecisionRules Default { get; } = new();

    public QuorumRule QuorumFor(ItemCategory category) => category switch
    {
        ItemCategory.Major => Major,
        ItemCategory.Cadre => Cadre,
        _ => Routine,
    };
}
