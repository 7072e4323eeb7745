using Dangjian.Domain.Common;

namespace Dangjian.Domain.Organizations;

/// <summary>
/// 党组织 (ORG-1). The tree is kept as a materialized path of ids ("/1/4/27/"), so "this organization
/// and everything under it" is one indexed prefix match — the query every scope check and roster filter runs.
/// </summary>
public sealed class Organization : IVersioned
{
    public const int MaxNameLength = 100;
    public const int MinCodeLength = 2;
    public const int MaxCodeLength = 32;

    /// <summary>The RuleText key of a code out of format: {0} and {1} the shortest and longest length.</summary>
    public const string CodeFormatRule = "Org.CodeFormat";

    public int Id { get; set; }

    /// <summary>组织代码: unique, stable; used by Excel rosters to name an organization.</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public OrganizationKind Kind { get; set; }

    public int? ParentId { get; set; }

    /// <summary>Ids from the root down to this node, each followed by '/': "/1/4/27/".</summary>
    public string Path { get; set; } = "/";

    public OrganizationStatus Status { get; set; }

    public DateOnly? DissolvedOn { get; set; }

    /// <summary>合并: the organization this one was merged into, when it was dissolved by a merger (<see cref="OrganizationMerge"/>).</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>Sibling order on the tree page.</summary>
    public int SortOrder { get; set; }

    public int Version { get; set; }

    public bool IsActive => Status == OrganizationStatus.Active;

    public int Depth => OrganizationTree.Depth(Path);

    /// <summary>
    /// 组织代码 format: 2–32 upper-case ASCII letters, digits, '.' and '-', beginning and ending with a letter or digit.
    /// Every code of the demo district (D01, D01.T01, D01.T01.B001.G1) and of the roster files fits; the alphabet is what
    /// a spreadsheet, a URL and a file name keep unchanged, and one case only means a code typed in a roster either
    /// matches exactly or is refused, never half-matched.
    /// </summary>
    public static bool IsValidCode(string? code)
    {
        if (code is null || code.Length is < MinCodeLength or > MaxCodeLength || !IsLetterOrDigit(code[0]) || !IsLetterOrDigit(code[^1]))
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!IsLetterOrDigit(c) && c is not ('.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Refuses a code out of format, naming <paramref name="field"/>.</summary>
    public static void EnsureCode(string? code, string field = "code")
    {
        if (!IsValidCode(code))
        {
            throw new DomainRuleException(CodeFormatRule, field, MinCodeLength, MaxCodeLength);
        }
    }

    private static bool IsLetterOrDigit(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
}
