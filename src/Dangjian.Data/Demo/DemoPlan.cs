using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Domain.Units;

namespace Dangjian.Data.Demo;

/// <summary>
/// The whole demo district before it is saved. Rows refer to each other by object, not by id: the
/// database gives the ids, and <see cref="DemoDistrict"/> fills them in level by level.
/// </summary>
internal sealed class DemoPlan
{
    /// <summary>Parents before children.</summary>
    public List<DemoOrg> Organizations { get; } = [];

    public List<DemoPerson> People { get; } = [];

    /// <summary>Older terms before newer ones.</summary>
    public List<DemoTeam> Teams { get; } = [];

    public List<DemoUnit> Units { get; } = [];

    public DemoOrg District => Organizations[0];

    public required DemoOrg SampleBranch { get; set; }

    public required Person SampleMember { get; set; }

    public required Person SampleSecretary { get; set; }

    /// <summary>The township's 履诺监督员 (a retired cadre on the roll), whom the demo's supervisor account signs in as; set by <see cref="DemoCommitments"/>.</summary>
    public Person? SampleSupervisor { get; set; }
}

internal sealed class DemoOrg(Organization entity, DemoOrg? parent, string place)
{
    public Organization Entity { get; } = entity;

    public DemoOrg? Parent { get; } = parent;

    /// <summary>The village, community, township or district it serves: "杨家湾村", "云溪镇".</summary>
    public string Place { get; } = place;

    public List<DemoOrg> Children { get; } = [];

    /// <summary>People whose roll is this organization.</summary>
    public List<Person> Roll { get; } = [];

    /// <summary>Save order: 0 district, 1 townships, 2 general branches, 3 branches, 4 party groups.</summary>
    public int Level => Entity.Kind.Tier();

    public bool IsCommunity => Place.EndsWith("社区", StringComparison.Ordinal);

    public IEnumerable<Person> SubtreeRoll => Roll.Concat(Children.SelectMany(c => c.SubtreeRoll));
}

internal sealed record DemoPerson(Person Entity, DemoOrg Org);

internal sealed class DemoTeam(DemoOrg org, LeadershipTeam entity)
{
    public DemoOrg Org { get; } = org;

    public LeadershipTeam Entity { get; } = entity;

    /// <summary>Secretary first; the title ("副书记、镇长") goes into the holder's workplace.</summary>
    public List<(TeamPosition Position, Person Person, string Title)> Seats { get; } = [];

    public Person Secretary => Seats[0].Person;
}

internal sealed class DemoUnit(Unit entity, DemoOrg area)
{
    public Unit Entity { get; } = entity;

    public DemoOrg Area { get; } = area;

    /// <summary>The covering organization; null for a 空白点.</summary>
    public DemoOrg? Cover { get; set; }
}
