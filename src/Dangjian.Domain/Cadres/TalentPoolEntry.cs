using Dangjian.Domain.Common;

namespace Dangjian.Domain.Cadres;

/// <summary>Seed 003, 3 (2) 建立党务干部人才库: "按专业型、复合型分类".</summary>
public enum TalentCategory
{
    /// <summary>专业型.</summary>
    Specialist,

    /// <summary>复合型.</summary>
    Versatile,
}

/// <summary>Whether the department can call on the person now (for a post, a task force, a training to give).</summary>
public enum TalentAvailability
{
    /// <summary>可随时调用.</summary>
    Available,

    /// <summary>需协调.</summary>
    Limited,

    /// <summary>暂不可调用.</summary>
    Unavailable,
}

/// <summary>
/// An entry in the party-affairs talent pool (党务干部人才库, CAD-2). Seed 003, 3 (2): the pool takes in 党办主任、人事主管、
/// 党支部书记、党小组长 and promising 团干部、工会干部、党员行政领导, sorted "根据不同行业、不同年龄、不同知识结构、不同专业特长" into
/// 专业型 and 复合型, "实行动态管理" (in/out as <see cref="PoolEntry"/>). Skills are a few distinct tags the pool is searched
/// by; posts held are the posts the person holds or held (党办主任, 党支部书记 …).
/// </summary>
public sealed class TalentPoolEntry : PoolEntry
{
    public const int MaxSkills = 10;
    public const int MaxSkillLength = 20;
    public const int MaxPosts = 10;
    public const int MaxPostLength = 50;

    public TalentCategory Category { get; set; }

    public List<string> Skills { get; set; } = [];

    public List<string> PostsHeld { get; set; } = [];

    public TalentAvailability Availability { get; set; }

    /// <summary>Takes a person into the pool; <paramref name="personsEntries"/> are their entries so far (one open at a time).</summary>
    public static TalentPoolEntry Enter(
        int personId, int organizationId, TalentProfile profile, DateOnly enteredOn, string? reason, IEnumerable<TalentPoolEntry> personsEntries, DateOnly today)
    {
        var entry = new TalentPoolEntry();
        entry.Describe(profile);
        entry.Open(personId, organizationId, enteredOn, reason, personsEntries, today);
        return entry;
    }

    /// <summary>
    /// Writes category, skills, posts and availability while the entry is open: at least one skill and at most
    /// <see cref="MaxSkills"/>, each a distinct tag (case aside, after trimming); posts likewise, none required.
    /// </summary>
    public void Update(TalentProfile profile)
    {
        RefuseIfClosed();
        Describe(profile);
    }

    /// <summary>Whether the entry carries <paramref name="skill"/> (trimmed, case aside).</summary>
    public bool Has(string skill) => Skills.Exists(s => string.Equals(s, skill.Trim(), StringComparison.OrdinalIgnoreCase));

    private void Describe(TalentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!Enum.IsDefined(profile.Category))
        {
            throw new DomainRuleException("Input.Invalid", "category", "Field.Cadre.TalentCategory");
        }

        if (!Enum.IsDefined(profile.Availability))
        {
            throw new DomainRuleException("Input.Invalid", "availability", "Field.Cadre.Availability");
        }

        var skills = Tags(profile.Skills, MaxSkills, MaxSkillLength, "skills", "Field.Cadre.Skill");
        if (skills.Count == 0)
        {
            throw new DomainRuleException("Input.Required", "skills", "Field.Cadre.Skill");
        }

        var posts = Tags(profile.PostsHeld, MaxPosts, MaxPostLength, "postsHeld", "Field.Cadre.PostHeld");
        (Category, Skills, PostsHeld, Availability) = (profile.Category, skills, posts, profile.Availability);
    }

    /// <summary>A short list of distinct tags, trimmed, blanks dropped; a repeat or one too many is refused naming its index.</summary>
    private static List<string> Tags(IReadOnlyList<string?>? given, int max, int maxLength, string field, string label)
    {
        var tags = new List<string>();
        for (var i = 0; i < (given?.Count ?? 0); i++)
        {
            if (TextInput.Optional(given![i], maxLength, $"{field}[{i}]", label) is not { } tag)
            {
                continue;
            }

            if (tags.Exists(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)))
            {
                throw new DomainRuleException("Cadre.TagTwice", $"{field}[{i}]", tag);
            }

            if (tags.Count == max)
            {
                throw new DomainRuleException("Cadre.TooManyTags", $"{field}[{i}]", label, max);
            }

            tags.Add(tag);
        }

        return tags;
    }
}

/// <summary>What a talent pool entry says of the person.</summary>
public sealed record TalentProfile(TalentCategory Category, IReadOnlyList<string?> Skills, IReadOnlyList<string?> PostsHeld, TalentAvailability Availability);

/// <summary>The talent pool's search, a pure function of its entries.</summary>
public static class TalentSearch
{
    /// <summary>
    /// The entries in the pool on <paramref name="asOf"/> that carry every one of <paramref name="skills"/> (trimmed, case
    /// aside; none given: every entry), those who can be called on first (available, then limited), then the longest in
    /// the pool; those unavailable only when <paramref name="includeUnavailable"/>.
    /// </summary>
    public static IReadOnlyList<TalentPoolEntry> BySkill(IEnumerable<TalentPoolEntry> entries, IReadOnlyCollection<string> skills, DateOnly asOf, bool includeUnavailable = false)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(skills);
        var wanted = skills.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        return [.. entries
            .Where(e => e.IsInPoolOn(asOf) && (includeUnavailable || e.Availability != TalentAvailability.Unavailable))
            .Where(e => wanted.TrueForAll(e.Has))
            .OrderBy(e => e.Availability)
            .ThenBy(e => e.EnteredOn)
            .ThenBy(e => e.PersonId)];
    }
}
