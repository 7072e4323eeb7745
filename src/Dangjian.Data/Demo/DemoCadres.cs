using Dangjian.Domain.Cadres;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.Units;

namespace Dangjian.Data.Demo;

/// <summary>
/// The cadre pools and grassroots time (CAD-1, CAD-2, CAD-6) of the demo district: each township keeps a few reserve
/// cadres (some with postings, one taken out) and party-affairs talents; township leaders have this year's stays and
/// nights (one per township behind pace, one night found absent by a spot check); district leaders have contact points
/// (the last one lacks a village); the first two townships keep a month of the petition rota with cases. Made through the
/// Domain factories with a seeded <see cref="Random"/>: the same today gives the same rows.
/// </summary>
internal static class DemoCadres
{
    private static readonly string[] Fields = ["经济管理", "农业农村", "城乡建设", "社会治理", "党建", "政法", "教育卫生", "财政金融"];
    private static readonly string[] PostTypes = ["党政正职", "党政副职", "部门正职", "部门副职"];
    private static readonly string[] Levels = ["正科级", "副科级"];
    private static readonly string[] EntryReasons = ["民主推荐得票靠前，组织考察合格", "公开选拔笔试、面试综合排名靠前", "年度考核连续优秀，组织推荐"];
    private static readonly string[] LeaveReasons = ["已提拔任职", "本人工作调动，调出后备干部库", "年度考核基本称职，调出后备干部库"];
    private static readonly string[] Skills = ["组织工作", "宣传思想", "党建信息化", "纪检监察", "基层治理", "公文写作", "财务审计", "群众工作"];
    private static readonly string[] Posts = ["党办主任", "人事主管", "党支部书记", "党小组长", "团委书记", "工会主席"];
    private static readonly string[] Cases = ["宅基地边界纠纷", "土地流转租金拖欠", "低保申请咨询", "拆迁安置补偿", "农民工工资拖欠", "村道修缮诉求"];

    public static Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x4341);
        var townships = plan.District.Children;
        AddPools(db, townships, random, today);
        var townshipTeams = plan.Teams
            .Where(t => t.Org.Entity.Kind is OrganizationKind.TownshipCommittee or OrganizationKind.StreetWorkingCommittee && t.Entity.IsCurrentOn(today)).ToList();
        AddStaysAndNights(db, townshipTeams, random, today);
        AddContacts(db, plan, today);
        foreach (var team in townshipTeams.Take(2))
        {
            AddRota(db, team, random, today);
        }

        return db.SaveChangesAsync(ct);
    }

    private static void AddPools(DangjianDbContext db, List<DemoOrg> townships, Random random, DateOnly today)
    {
        var perTownship = Math.Max(1, (int)Math.Ceiling(60.0 / Math.Max(1, townships.Count)));
        var talents = Math.Max(1, (int)Math.Ceiling(10.0 / Math.Max(1, townships.Count)));
        foreach (var township in townships)
        {
            var people = township.SubtreeRoll.Where(p => p.BirthDate is not null).OrderBy(_ => random.Next()).Take(perTownship + talents).ToList();
            for (var i = 0; i < Math.Min(perTownship, people.Count); i++)
            {
                var on = today.AddDays(-random.Next(200, 900));
                var entry = ReserveCadre.Enter(
                    people[i].Id, township.Entity.Id, Levels[random.Next(Levels.Length)], PostTypes[random.Next(PostTypes.Length)],
                    (ReserveSource)random.Next(3), on, EntryReasons[random.Next(EntryReasons.Length)], [], today,
                    people[i].Id % 9 == 0 ? null : Fields[people[i].Id % Fields.Length]); // from the person's id: the demo's random sequence stays as it was
                if (random.Next(3) > 0)
                {
                    var from = on.AddDays(random.Next(10, 60));
                    var to = from.AddDays(random.Next(90, 240));
                    entry.AddPosting((PostingKind)random.Next(3), township.Children.Count > 0 ? township.Children[random.Next(township.Children.Count)].Place : township.Place, from, to < today ? to : null);
                }

                if (i == 0 && on < today.AddDays(-100))
                {
                    entry.Leave(today.AddDays(-random.Next(1, 60)), LeaveReasons[random.Next(LeaveReasons.Length)], today);
                }

                db.ReserveCadres.Add(entry);
            }

            foreach (var person in people.Skip(perTownship).Take(talents))
            {
                var skills = Skills.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Cast<string?>().ToList();
                var posts = Posts.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Cast<string?>().ToList();
                var profile = new TalentProfile((TalentCategory)random.Next(2), skills, posts, (TalentAvailability)random.Next(3));
                db.TalentPoolEntries.Add(TalentPoolEntry.Enter(person.Id, township.Entity.Id, profile, today.AddDays(-random.Next(30, 600)), null, [], today));
            }
        }
    }

    /// <summary>Stays from 1 January on pace for 90 days a year, but the last leader of each team behind; in two townships two or three nights most weeks.</summary>
    private static void AddStaysAndNights(DangjianDbContext db, List<DemoTeam> teams, Random random, DateOnly today)
    {
        var first = new DateOnly(today.Year, 1, 1);
        var elapsed = today.DayNumber - first.DayNumber + 1;
        var due = (int)Math.Ceiling(GrassrootsRules.Defaults.TownshipStayDays * elapsed / 365.0);
        var done = new HashSet<int>();
        foreach (var team in teams)
        {
            var withNights = teams.IndexOf(team) < 2;
            var villages = team.Org.Children.Select(c => c.Place).DefaultIfEmpty(team.Org.Place).ToList();
            for (var s = 0; s < team.Seats.Count; s++)
            {
                var person = team.Seats[s].Person;
                if (!done.Add(person.Id))
                {
                    continue;
                }

                var target = s == team.Seats.Count - 1 ? due / 2 : due + random.Next(3, 15);
                var day = first;
                while (target > 0 && day < today)
                {
                    var length = Math.Min(target, random.Next(7, 22));
                    var to = day.AddDays(length - 1);
                    if (to >= today)
                    {
                        to = today.AddDays(-1);
                    }

                    if (to < day)
                    {
                        break;
                    }

                    db.GrassrootsStays.Add(GrassrootsStay.Record(person.Id, team.Org.Entity.Id, villages[random.Next(villages.Count)] + "蹲点", day, to, today));
                    target -= to.DayNumber - day.DayNumber + 1;
                    day = to.AddDays(random.Next(1, 6));
                }

                // Nights are kept by the first two townships only (the others have not started reporting), which keeps the demo small.
                for (var monday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7); withNights && monday <= today; monday = monday.AddDays(7))
                {
                    var nights = random.Next(10) == 0 ? 1 : random.Next(2, 4);
                    foreach (var offset in Enumerable.Range(0, 5).OrderBy(_ => random.Next()).Take(nights).Order())
                    {
                        var night = monday.AddDays(offset);
                        if (night <= today)
                        {
                            db.NightStays.Add(NightStay.Record(person.Id, team.Org.Entity.Id, night, today));
                        }
                    }
                }
            }

            var checkedNight = today.AddDays(-random.Next(3, 40));
            var absent = team.Seats[random.Next(team.Seats.Count)].Person;
            db.NightSpotChecks.Add(NightSpotCheck.Record(absent.Id, team.Org.Entity.Id, checkedNight, random.Next(2) == 0, "区委组织部", "晚间电话及实地抽查", today));
        }
    }

    private static void AddContacts(DangjianDbContext db, DemoPlan plan, DateOnly today)
    {
        var districtTeam = plan.Teams.FirstOrDefault(t => t.Org == plan.District && t.Entity.IsCurrentOn(today));
        var enterprises = plan.Units.Where(u => u.Entity.Kind == UnitKind.Enterprise).Select(u => u.Entity).ToList();
        var villages = plan.Units.Where(u => u.Entity.Kind == UnitKind.Village).Select(u => u.Entity).ToList();
        if (districtTeam is null || enterprises.Count == 0 || villages.Count == 0)
        {
            return;
        }

        var from = new DateOnly(today.Year, 1, 1).AddYears(-1);
        for (var i = 0; i < districtTeam.Seats.Count; i++)
        {
            var person = districtTeam.Seats[i].Person;
            var unit = enterprises[i % enterprises.Count];
            db.ContactPoints.Add(ContactPoint.Assign(person.Id, plan.District.Entity.Id, unit.Id, unit.Kind, from, []));
            if (i < districtTeam.Seats.Count - 1)
            {
                var village = villages[i % villages.Count];
                db.ContactPoints.Add(ContactPoint.Assign(person.Id, plan.District.Entity.Id, village.Id, village.Kind, from, []));
            }
        }
    }

    /// <summary>A month of working days (Monday to Friday) up to a week ahead, each with a team member, the days served with their cases.</summary>
    private static void AddRota(DangjianDbContext db, DemoTeam team, Random random, DateOnly today)
    {
        var seat = 0;
        for (var day = today.AddDays(-30); day <= today.AddDays(7); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var rota = RotaDay.Schedule(team.Org.Entity.Id, day, team.Seats[seat++ % team.Seats.Count].Person.Id, []);
            if (day <= today)
            {
                for (var c = random.Next(3); c > 0; c--)
                {
                    var resolved = random.Next(3) > 0;
                    rota.AddCase(Cases[random.Next(Cases.Length)], random.Next(1, 6), resolved ? "当场答复，依政策办理" : "转相关部门限期办理", resolved, today);
                }
            }

            db.RotaDays.Add(rota);
        }
    }
}
