namespace Dangjian.Domain.Elections;

/// <summary>What a round of voting decides (GLOSSARY: 预选 / 正式选举 / 推荐票).</summary>
public enum ElectionMode
{
    /// <summary>正式选举: elects with more than half of those entitled to vote.</summary>
    Formal,

    /// <summary>预选: counted like a formal election; those "elected" become the formal candidates.</summary>
    Preliminary,

    /// <summary>推荐票 (二推一选, 两票制): no threshold and no quorum; the top names are recommended.</summary>
    Recommendation,
}
