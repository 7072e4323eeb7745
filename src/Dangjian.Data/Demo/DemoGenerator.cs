using System.Globalization;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Teams;
using Dangjian.Domain.Units;

namespace Dangjian.Data.Demo;

/// <summary>
/// Makes the demo district (see <see cref="DemoDistrict"/>) in memory. All chance comes from one
/// <see cref="Random"/> with a fixed seed, drawn in a fixed order, so a given <c>today</c> always gives
/// the same district; nothing here depends on database ids.
/// </summary>
internal sealed class DemoGenerator
{
    public const int Seed = 20261123;

    /// <summary>Terms ending within this many months count as ending soon (the expiry list's window).</summary>
    public const int SoonMonths = 6;

    private const double ProbationaryShare = 0.05;
    private const int ResidentCount = 300;
    private const int OverdueCount = 3;
    private const double EndingSoonShare = 0.20;
    private const int BlankEnterprisesAndBuildings = 10;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly Random _rnd = new(Seed);
    private readonly DateOnly _today;
    private readonly List<DemoOrg> _orgs = [];
    private readonly List<DemoPerson> _people = [];
    private readonly List<DemoTeam> _teams = [];
    private readonly List<DemoUnit> _units = [];
    private readonly HashSet<string> _idNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _placeNames = new(StringComparer.Ordinal);

    private DemoGenerator(DateOnly today) => _today = today;

    public static DemoPlan Generate(DateOnly today) => new DemoGenerator(today).Build();

    private DemoPlan Build()
    {
        var district = AddOrg(null, OrganizationKind.DistrictCommittee, "D01", DemoNames.District + "委", DemoNames.District);
        AddCadres(district, 14);
        for (var i = 0; i < DemoNames.Townships.Length; i++)
        {
            var (name, branches, generalBranches) = DemoNames.Townships[i];
            BuildTownship(district, i + 1, name, branches, generalBranches);
        }

        AddResidents();
        AddTeams();
        MarkBlankUnits();

        var sampleBranch = _orgs.First(o => o.Entity.Kind == OrganizationKind.Branch && o.Children.Count > 0 && o.Parent!.Level == 1);
        var sampleTeam = _teams.Last(t => t.Org == sampleBranch);
        var seated = sampleTeam.Seats.Select(s => s.Person).ToHashSet();
        var plan = new DemoPlan
        {
            SampleBranch = sampleBranch,
            SampleSecretary = sampleTeam.Secretary,
            SampleMember = sampleBranch.Roll.First(p => p.Status == MemberStatus.Full && !seated.Contains(p)),
        };
        plan.Organizations.AddRange(_orgs);
        plan.People.AddRange(_people);
        plan.Teams.AddRange(_teams);
        plan.Units.AddRange(_units);
        return plan;
    }

    // ---------------------------------------------------------------- organizations and units

    private void BuildTownship(DemoOrg district, int number, string name, int branchCount, int generalBranches)
    {
        var isStreet = name.EndsWith("街道", StringComparison.Ordinal);
        var township = AddOrg(
            district,
            isStreet ? OrganizationKind.StreetWorkingCommittee : OrganizationKind.TownshipCommittee,
            string.Create(Inv, $"D01.T{number:00}"),
            name + (isStreet ? "党工委" : "党委"),
            name);
        AddCadres(township, 11);

        AddUnit(UnitKind.Institution, name + (isStreet ? "办事处" : "人民政府"), township, township, 40, 120);
        AddUnit(UnitKind.Institution, name + (isStreet ? "小学" : "中心小学"), township, township, 30, 90);
        AddUnit(UnitKind.Institution, name + (isStreet ? "社区卫生服务中心" : "卫生院"), township, township, 20, 80);
        AddUnit(UnitKind.SocialOrganization, name + "志愿者协会", township, township, 15, 60);

        // Enterprises are named first, so members can work in them; their covering branch is chosen below.
        var enterprises = new List<DemoUnit>();
        for (var i = _rnd.Next(4, 9); i > 0; i--)
        {
            enterprises.Add(AddUnit(UnitKind.Enterprise, NewEnterpriseName(), township, null, 20, 600));
        }

        var enterpriseNames = enterprises.Select(e => e.Entity.Name).ToArray();
        var communitiesInTown = name.EndsWith('乡') ? 1 : 2;
        var localBranches = new List<DemoOrg>();
        var branchNumber = 0;
        var generalNumber = 0;
        for (var placeNumber = 1; branchNumber < branchCount; placeNumber++)
        {
            var community = isStreet ? _rnd.NextDouble() < 0.8 : placeNumber <= communitiesInTown;
            var place = NewPlaceName(community);
            var unitKind = community ? UnitKind.Community : UnitKind.Village;
            if (generalNumber < generalBranches && placeNumber >= 3)
            {
                // A large village or community: a 党总支 with numbered branches under it.
                generalNumber++;
                var general = AddOrg(township, OrganizationKind.GeneralBranch, string.Create(Inv, $"{township.Entity.Code}.Z{generalNumber:00}"), place + "党总支", place);
                var subBranches = community ? 4 : 3;
                for (var i = 0; i < subBranches; i++)
                {
                    AddBranch(general, township, ++branchNumber, place + DemoNames.Ordinals[i] + "党支部", _rnd.Next(12, 26), enterpriseNames);
                }

                AddUnit(unitKind, place, township, general, community ? 4000 : 2500, community ? 15000 : 6000);
                continue;
            }

            var branch = AddBranch(township, township, ++branchNumber, place + "党支部", _rnd.Next(15, 39), enterpriseNames);
            localBranches.Add(branch);
            AddUnit(unitKind, place, township, branch, community ? 2000 : 800, community ? 12000 : 3500);
        }

        foreach (var e in enterprises)
        {
            e.Cover = _rnd.NextDouble() < 0.7 ? localBranches[_rnd.Next(localBranches.Count)] : township;
        }

        if (isStreet)
        {
            var communities = localBranches.Where(b => b.IsCommunity).ToList();
            for (var i = _rnd.Next(3, 6); i > 0; i--)
            {
                var cover = communities[_rnd.Next(communities.Count)];
                AddUnit(UnitKind.OfficeBuilding, NewBuildingName(), township, cover, 100, 2000);
            }
        }
    }

    private DemoOrg AddBranch(DemoOrg parent, DemoOrg township, int number, string name, int members, string[] enterprises)
    {
        var code = string.Create(Inv, $"{parent.Entity.Code}.B{number:000}"); // numbered through the township
        var place = parent.Entity.Kind == OrganizationKind.GeneralBranch ? parent.Place : name[..^"党支部".Length];
        var branch = AddOrg(parent, OrganizationKind.Branch, code, name, place);
        var templates = branch.IsCommunity ? DemoNames.CommunityWorkplaces : DemoNames.VillageWorkplaces;
        for (var i = 0; i < members; i++)
        {
            var probationary = _rnd.NextDouble() < ProbationaryShare;
            var age = probationary ? _rnd.Next(20, 41) : MemberAge();
            var workplace = Workplace(templates, branch.Place, township.Place, enterprises);
            AddPerson(branch, probationary ? MemberStatus.Probationary : MemberStatus.Full, age, workplace);
        }

        // About a third of the branches split into 2–3 party groups (党小组).
        if (_rnd.NextDouble() < 0.34)
        {
            for (var g = 0; g < _rnd.Next(2, 4); g++)
            {
                AddOrg(branch, OrganizationKind.PartyGroup, string.Create(Inv, $"{code}.G{g + 1}"), name + DemoNames.Ordinals[g] + "党小组", branch.Place);
            }
        }

        return branch;
    }

    private DemoOrg AddOrg(DemoOrg? parent, OrganizationKind kind, string code, string name, string place)
    {
        var org = new DemoOrg(
            new Organization { Code = code, Name = name, Kind = kind, Status = OrganizationStatus.Active, SortOrder = parent?.Children.Count ?? 0 },
            parent,
            place);
        parent?.Children.Add(org);
        _orgs.Add(org);
        return org;
    }

    private DemoUnit AddUnit(UnitKind kind, string name, DemoOrg area, DemoOrg? cover, int minHeadcount, int maxHeadcount)
    {
        var unit = new DemoUnit(new Unit { Name = name, Kind = kind, Headcount = _rnd.Next(minHeadcount, maxHeadcount + 1) }, area) { Cover = cover };
        _units.Add(unit);
        return unit;
    }

    /// <summary>A few enterprises and buildings, and one social organization, have no organization (空白点).</summary>
    private void MarkBlankUnits()
    {
        var candidates = _units.Where(u => u.Entity.Kind is UnitKind.Enterprise or UnitKind.OfficeBuilding).ToList();
        Shuffle(candidates);
        foreach (var u in candidates.Take(BlankEnterprisesAndBuildings))
        {
            u.Cover = null;
        }

        var social = _units.Where(u => u.Entity.Kind == UnitKind.SocialOrganization).ToList();
        social[_rnd.Next(social.Count)].Cover = null;
    }

    private string NewPlaceName(bool community)
    {
        while (true)
        {
            string name;
            if (community)
            {
                name = $"{Pick(DemoNames.CommunityFirst)}{Pick(DemoNames.CommunitySecond)}社区";
            }
            else if (_rnd.NextDouble() < 0.4)
            {
                name = Pick(DemoNames.VillageSurnames) + Pick(DemoNames.VillageSurnameEndings) + "村";
            }
            else
            {
                name = $"{Pick(DemoNames.VillageFirst)}{Pick(DemoNames.VillageSecond)}村";
            }

            if (_placeNames.Add(name))
            {
                return name;
            }
        }
    }

    private string NewEnterpriseName()
    {
        while (true)
        {
            var name = DemoNames.District[..2] + Pick(DemoNames.TradeNames) + Pick(DemoNames.Trades) + "有限公司";
            if (_placeNames.Add(name))
            {
                return name;
            }
        }
    }

    private string NewBuildingName()
    {
        while (true)
        {
            var name = Pick(DemoNames.BuildingNames) + Pick(DemoNames.BuildingKinds);
            if (_placeNames.Add(name))
            {
                return name;
            }
        }
    }

    // ---------------------------------------------------------------- people

    /// <summary>Cadres on a committee's own roll (机关): its team is chosen from them.</summary>
    private void AddCadres(DemoOrg committee, int count)
    {
        var templates = committee.Level == 0 ? DemoNames.DistrictWorkplaces : DemoNames.TownshipWorkplaces;
        for (var i = 0; i < count; i++)
        {
            var person = AddPerson(committee, MemberStatus.Full, _rnd.Next(28, 58), Workplace(templates, committee.Place, committee.Place, []));
            person.Education = Choose(("大学本科", 70), ("硕士研究生", 20), ("大专", 10));

            // The staff of a committee's offices (机关) are cadres (干部).
            person.IsCadre = true;
        }
    }

    private void AddResidents()
    {
        var branches = _orgs.Where(o => o.Entity.Kind == OrganizationKind.Branch).ToList();
        for (var i = 0; i < ResidentCount; i++)
        {
            var branch = branches[_rnd.Next(branches.Count)];
            var templates = branch.IsCommunity ? DemoNames.CommunityWorkplaces : DemoNames.VillageWorkplaces;
            var township = branch.Parent!.Level == 1 ? branch.Parent : branch.Parent.Parent!;
            AddPerson(branch, MemberStatus.Resident, _rnd.Next(18, 86), Workplace(templates, branch.Place, township.Place, []));
        }
    }

    private Person AddPerson(DemoOrg org, MemberStatus status, int age, string workplace)
    {
        // About seven in ten party members are men; residents half and half.
        var male = _rnd.NextDouble() < (status == MemberStatus.Resident ? 0.5 : 0.72);
        var birth = _today.AddYears(-age).AddDays(-_rnd.Next(0, 365));
        var idNumber = NewIdNumber(birth, male);
        var person = new Person
        {
            Name = NewPersonName(male),
            Gender = IdNumber.GenderOf(idNumber),
            IdNumber = idNumber,
            BirthDate = birth,
            Ethnicity = _rnd.NextDouble() < 0.93 ? "汉族" : DemoNames.Ethnicities[_rnd.Next(DemoNames.Ethnicities.Length)],
            Education = EducationFor(age),
            Phone = NewPhone(),
            Status = status,
            JoinedPartyOn = status switch
            {
                MemberStatus.Full => FullMemberJoined(birth, age),
                // 预备期 is one year: a probationary member joined within the last year.
                MemberStatus.Probationary => _today.AddDays(-_rnd.Next(7, 360)),
                _ => null,
            },
            Workplace = workplace,
        };

        // 转正 (党章 第七条): a full member's probation ended a year after joining, for about one in twelve extended by six months.
        person.FullMemberOn = person.JoinedPartyOn is { } j && status == MemberStatus.Full ? FullMemberOn(j) : null;
        org.Roll.Add(person);
        _people.Add(new DemoPerson(person, org));
        return person;
    }

    /// <summary>Joined at 18–43, at least a year and a month ago (the probation year behind them).</summary>
    private DateOnly FullMemberJoined(DateOnly birth, int age)
    {
        var joined = birth.AddYears(18 + _rnd.Next(0, Math.Min(age - 19, 25) + 1)).AddDays(_rnd.Next(0, 365));
        var latest = _today.AddYears(-1).AddDays(-30);
        return joined < latest ? joined : latest;
    }

    /// <summary>
    /// A year after joining, or eighteen months for about one in twelve (an extended probation), never after today; derived from
    /// the join day, not drawn, so the rest of the demo stays as it was.
    /// </summary>
    private DateOnly FullMemberOn(DateOnly joined)
    {
        var extended = joined.AddYears(1).AddMonths(6);
        return joined.DayNumber % 12 == 0 && extended <= _today ? extended : joined.AddYears(1);
    }

    /// <summary>Village and community members are older on the whole.</summary>
    private int MemberAge()
    {
        var r = _rnd.NextDouble();
        return r switch
        {
            < 0.18 => _rnd.Next(22, 36),
            < 0.45 => _rnd.Next(36, 51),
            < 0.78 => _rnd.Next(51, 66),
            _ => _rnd.Next(66, 86),
        };
    }

    private string EducationFor(int age) => age switch
    {
        >= 60 => Choose(("小学", 30), ("初中", 45), ("高中", 18), ("中专", 5), ("大专", 2)),
        >= 40 => Choose(("小学", 8), ("初中", 40), ("高中", 25), ("中专", 10), ("大专", 12), ("大学本科", 5)),
        _ => Choose(("初中", 10), ("高中", 15), ("中专", 10), ("大专", 30), ("大学本科", 30), ("硕士研究生", 5)),
    };

    /// <summary>GB 11643: region, birth date, a sequence whose parity gives the sex, check character.</summary>
    private string NewIdNumber(DateOnly birth, bool male)
    {
        while (true)
        {
            var region = _rnd.NextDouble() < 0.9 ? DemoNames.RegionCodes[0] : DemoNames.RegionCodes[1 + _rnd.Next(DemoNames.RegionCodes.Length - 1)];
            var sequence = (_rnd.Next(0, 500) * 2) + (male ? 1 : 0);
            var first17 = string.Create(Inv, $"{region}{birth:yyyyMMdd}{sequence:000}");
            var id = first17 + IdNumber.CheckCharacter(first17);
            if (_idNumbers.Add(id))
            {
                return id;
            }
        }
    }

    private string NewPersonName(bool male)
    {
        var surname = _rnd.NextDouble() < 0.005
            ? DemoNames.CompoundSurnames[_rnd.Next(DemoNames.CompoundSurnames.Length)]
            : DemoNames.Surnames[SurnameIndex()].ToString();
        var given = male ? DemoNames.MaleGiven : DemoNames.FemaleGiven;
        var name = surname + Pick(given);
        return _rnd.NextDouble() < 0.7 ? name + Pick(given) : name;
    }

    /// <summary>The ten commonest surnames carry about 45% of people, the next twenty 25%, as in the census.</summary>
    private int SurnameIndex()
    {
        var r = _rnd.NextDouble();
        return r switch
        {
            < 0.45 => _rnd.Next(0, 10),
            < 0.70 => _rnd.Next(10, 30),
            _ => _rnd.Next(30, DemoNames.Surnames.Length),
        };
    }

    private string NewPhone()
    {
        var prefix = DemoNames.PhonePrefixes.Substring(_rnd.Next(DemoNames.PhonePrefixes.Length / 3) * 3, 3);
        return prefix + _rnd.Next(0, 100_000_000).ToString("00000000", Inv);
    }

    private string Workplace(string[] templates, string place, string township, string[] enterprises)
    {
        var template = templates[_rnd.Next(templates.Length)];
        if (template == "{e}")
        {
            return enterprises.Length == 0 ? place + "居民" : enterprises[_rnd.Next(enterprises.Length)];
        }

        return template.Replace("{p}", place, StringComparison.Ordinal).Replace("{t}", township, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- leadership teams and terms

    private void AddTeams()
    {
        var teamOrgs = _orgs.Where(o => o.Entity.Kind.HasLeadershipTeam()).ToList();

        // Which terms are overdue (a few branches) and which end soon (a fifth of the rest), fixed up front.
        var branches = teamOrgs.Where(o => o.Entity.Kind == OrganizationKind.Branch).ToList();
        Shuffle(branches);
        var overdue = branches.Take(OverdueCount).ToHashSet();
        var others = teamOrgs.Where(o => !overdue.Contains(o)).ToList();
        Shuffle(others);
        var endingSoon = others.Take((int)Math.Round(teamOrgs.Count * EndingSoonShare)).ToHashSet();

        foreach (var org in teamOrgs)
        {
            var committee = org.Level <= 1;
            var years = committee ? 5 : 3;
            var number = committee ? _rnd.Next(6, 15) : _rnd.NextDouble() < 0.05 ? 1 : _rnd.Next(2, 12);
            DateOnly endsOn;
            if (overdue.Contains(org))
            {
                endsOn = _today.AddDays(-_rnd.Next(20, 240));
            }
            else if (endingSoon.Contains(org))
            {
                endsOn = _today.AddDays(_rnd.Next(1, _today.AddMonths(SoonMonths).DayNumber - _today.DayNumber + 1));
            }
            else
            {
                var first = _today.AddMonths(SoonMonths).AddDays(1);
                var last = _today.AddYears(years).AddDays(-1);
                endsOn = first.AddDays(_rnd.Next(0, last.DayNumber - first.DayNumber + 1));
            }

            var startsOn = endsOn.AddYears(-years).AddDays(1);
            var pool = (org.Entity.Kind == OrganizationKind.GeneralBranch ? org.SubtreeRoll : org.Roll)
                .Where(p => p.Status == MemberStatus.Full)
                .ToList();

            // Committees always, and about a third of the rest, keep the term before for history.
            DemoTeam? previous = null;
            if (number > 1 && (committee || _rnd.NextDouble() < 0.35))
            {
                var prevEnds = startsOn.AddDays(-1);
                previous = AddTeam(org, number - 1, prevEnds.AddYears(-years).AddDays(1), prevEnds, pool, null);
            }

            var current = AddTeam(org, number, startsOn, endsOn, pool, previous?.Secretary);

            // The current team's titles go into their workplace (工作单位及职务).
            foreach (var (position, person, title) in current.Seats)
            {
                if (committee)
                {
                    person.Workplace = org.Entity.Name + title;
                }
                else if (position.Role == TeamRole.Secretary)
                {
                    var chair = org.Entity.Kind == OrganizationKind.GeneralBranch || org.Parent!.Level == 1;
                    person.Workplace = org.Entity.Name + "书记" + (chair ? (org.IsCommunity ? "、居委会主任" : "、村委会主任") : string.Empty);
                }
            }
        }
    }

    private DemoTeam AddTeam(DemoOrg org, int number, DateOnly startsOn, DateOnly endsOn, List<Person> pool, Person? previousSecretary)
    {
        var team = new DemoTeam(org, new LeadershipTeam { TermNumber = number, StartsOn = startsOn, EndsOn = endsOn });
        var seats = SeatsFor(org, pool.Count);
        var candidates = pool.ToList();
        Shuffle(candidates);

        // The secretary: re-elected half the time, otherwise someone of working age.
        var secretary = previousSecretary is not null && _rnd.NextDouble() < 0.5
            ? previousSecretary
            : candidates.FirstOrDefault(p => Age(p) is >= 30 and <= 62) ?? candidates[0];
        candidates.Remove(secretary);
        candidates.Insert(0, secretary);

        for (var i = 0; i < seats.Count; i++)
        {
            var (role, title, portfolio) = seats[i];
            var position = new TeamPosition { Role = role, Portfolio = portfolio };
            team.Entity.Positions.Add(position);
            team.Seats.Add((position, candidates[i], title));
        }

        _teams.Add(team);
        return team;
    }

    private int Age(Person p)
    {
        var birth = p.BirthDate!.Value;
        var age = _today.Year - birth.Year;
        return birth.AddYears(age) > _today ? age - 1 : age;
    }

    /// <summary>
    /// The seats of a team: (role, title, 分管). Committees have deputies and a fixed line-up; a branch
    /// committee (支委会) has 3 members, 5 from 25 members on the roll, 7 from 35.
    /// </summary>
    private List<(TeamRole Role, string Title, string Portfolio)> SeatsFor(DemoOrg org, int poolSize)
    {
        var kind = org.Entity.Kind;
        if (kind == OrganizationKind.DistrictCommittee)
        {
            return [.. DemoSeats.District];
        }

        if (kind is OrganizationKind.TownshipCommittee or OrganizationKind.StreetWorkingCommittee)
        {
            var street = kind == OrganizationKind.StreetWorkingCommittee;
            var head = street ? "办事处主任" : org.Place.EndsWith('乡') ? "乡长" : "镇长";
            return [.. DemoSeats.Township.Select(s => (
                s.Role,
                s.Title.Replace("{head}", head, StringComparison.Ordinal),
                s.Portfolio.Replace("{gov}", street ? "办事处" : "政府", StringComparison.Ordinal).Replace("{area}", street ? "社区治理" : "乡村振兴", StringComparison.Ordinal)))];
        }

        if (kind == OrganizationKind.GeneralBranch)
        {
            return [.. DemoSeats.GeneralBranch.Select(s => (s.Role, s.Title, s.Portfolio.Replace("{affairs}", org.IsCommunity ? "居务" : "村务", StringComparison.Ordinal)))];
        }

        if (poolSize < 25)
        {
            return [.. DemoSeats.SmallBranch];
        }

        var seats = DemoSeats.Branch.ToList();
        var duties = (org.IsCommunity ? DemoNames.CommunityDuties : DemoNames.VillageDuties).ToList();
        Shuffle(duties);
        for (var i = 0; i < (poolSize >= 35 ? 3 : 1); i++)
        {
            seats.Add((TeamRole.CommitteeMember, "委员", duties[i]));
        }

        return seats;
    }

    // ---------------------------------------------------------------- chance

    private char Pick(string characters) => characters[_rnd.Next(characters.Length)];

    private string Pick(string[] values) => values[_rnd.Next(values.Length)];

    private string Choose(params (string Value, int Weight)[] choices)
    {
        var r = _rnd.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (r < weight)
            {
                return value;
            }

            r -= weight;
        }

        return choices[^1].Value;
    }

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _rnd.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
