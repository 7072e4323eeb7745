using Dangjian.Domain.Common;

namespace Dangjian.Domain.Units;

/// <summary>Kinds of unit an organization covers (ORG-4).</summary>
public enum UnitKind
{
    /// <summary>行政村</summary>
    Village = 0,

    /// <summary>社区</summary>
    Community = 1,

    /// <summary>企业 (非公企业 included)</summary>
    Enterprise = 2,

    /// <summary>商务楼宇</summary>
    OfficeBuilding = 3,

    /// <summary>机关事业单位</summary>
    Institution = 4,

    /// <summary>社会组织</summary>
    SocialOrganization = 5,
}

/// <summary>
/// 单位: a village, enterprise, office building… (ORG-4). A unit with no organization linked is a
/// 空白点 (S2 保障机制: "不留空白点"); <see cref="AreaOrganizationId"/> says which committee's area it is in,
/// so each township sees its own gaps.
/// </summary>
public sealed class Unit : IVersioned
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public UnitKind Kind { get; set; }

    /// <summary>The township/street committee in whose area the unit lies.</summary>
    public int AreaOrganizationId { get; set; }

    /// <summary>The party organization set up in or covering the unit; null for a 空白点.</summary>
    public int? OrganizationId { get; set; }

    /// <summary>Employees or residents, to weigh which gaps matter most.</summary>
    public int Headcount { get; set; }

    public int Version { get; set; }
}
