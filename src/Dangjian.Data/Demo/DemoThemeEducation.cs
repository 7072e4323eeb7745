using Dangjian.Domain.Organizations;
using Dangjian.Domain.ThemeEducation;

namespace Dangjian.Data.Demo;

/// <summary>
/// 主题教育 (MTG-13) in the demo district: seed 004's "查问题、理思路、促整改" campaign run by the district over the whole
/// tree, launched seventy days ago and half done — the study phase and the problem-finding phase are past their due days,
/// most organizations reported them and some did not (the overdue list has rows, more in the last township), and the
/// rectification phase is still open. The sample branch reported its lecture and still owes the rest. Made through
/// <see cref="ThemeCampaign"/>'s methods with a seeded <see cref="Random"/>: the same today gives the same rows.
/// </summary>
internal static class DemoThemeEducation
{
    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x7E3A);
        var start = today.AddDays(-70);
        var campaign = ThemeCampaign.Create(
            plan.District.Entity.Id, $"{start.Year}年“查问题、理思路、促整改”主题教育", "树良好形象、提执政能力：查问题、理思路、促整改", start, start.AddDays(119));
        db.ThemeCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);

        var study = campaign.AddPhase("学习教育", start, start.AddDays(29));
        var find = campaign.AddPhase("查摆问题", start.AddDays(30), start.AddDays(59));
        var fix = campaign.AddPhase("整改落实", start.AddDays(60), start.AddDays(119));
        await db.SaveChangesAsync(ct);
        var branches = ThemeActivityLevels.Branches | ThemeActivityLevels.GeneralBranches;
        campaign.AddActivity(study.Id, RequiredActivityKind.ThemedPartyLecture, "书记讲专题党课", start.AddDays(29), ThemeActivityLevels.All);
        campaign.AddActivity(find.Id, RequiredActivityKind.ProblemList, "广泛征求意见，列出查摆问题清单", start.AddDays(50), ThemeActivityLevels.All);
        campaign.AddActivity(find.Id, RequiredActivityKind.SpecialDemocraticLife, "召开专题民主生活会", start.AddDays(59), ThemeActivityLevels.Committees);
        campaign.AddActivity(find.Id, RequiredActivityKind.SpecialOrganizationalLife, "召开专题组织生活会", start.AddDays(59), branches);
        campaign.AddActivity(fix.Id, RequiredActivityKind.Rectification, "逐项落实整改措施并公示", start.AddDays(119), ThemeActivityLevels.All);
        campaign.Launch();
        await db.SaveChangesAsync(ct);

        var lastTownship = plan.District.Children[^1];
        var activities = campaign.Activities.ToList();
        foreach (var org in plan.Organizations.Where(o => o.Entity.IsActive))
        {
            var who = new ThemeParticipant(org.Entity.Id, org.Entity.Kind, org.Entity.Path);
            var behind = OrganizationTree.IsWithin(org.Entity.Path, lastTownship.Entity.Path);
            foreach (var a in activities.Where(a => a.AppliesTo(org.Entity.Kind)))
            {
                var sample = org == plan.SampleBranch;
                var chance = behind ? 45 : 80;
                var due = a.DueOn < today;
                if (sample ? a.Kind != RequiredActivityKind.ThemedPartyLecture : (!due || random.Next(100) >= chance))
                {
                    continue;
                }

                var done = a.DueOn.AddDays(-random.Next(0, 12) + (random.Next(10) == 0 ? 3 : 0));
                done = done > today ? today : done < start ? start : done;
                db.ThemeActivityReports.Add(campaign.Report(a.Id, who, plan.District.Entity.Path, done, Note(a, org), Lines(a, random), today));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Note(RequiredActivity a, DemoOrg org) => a.Kind switch
    {
        RequiredActivityKind.ThemedPartyLecture => $"{org.Place}党组织书记围绕“树良好形象、提执政能力”讲专题党课，全体党员参加。",
        RequiredActivityKind.SpecialDemocraticLife => "班子成员逐一对照检查，开展批评和自我批评，会前广泛征求了意见。",
        RequiredActivityKind.SpecialOrganizationalLife => "党员逐一发言，对照查摆问题开展批评和自我批评。",
        _ => "已按主题教育方案完成。",
    };

    private static readonly string[] Problems =
    [
        "理论学习不够系统深入", "联系服务群众不够经常", "村务公开不够及时", "党员活动阵地作用发挥不充分", "对流动党员管理不到位",
        "集体经济发展思路不清", "干部作风不够扎实",
    ];

    private static readonly string[] Measures =
    [
        "建立每月集中学习制度", "落实党员联系户制度", "每季度更新三务公开栏", "活动阵地每周开放", "建立流动党员联系台账",
    ];

    private static List<string> Lines(RequiredActivity a, Random random) => a.Kind switch
    {
        RequiredActivityKind.ProblemList => [.. Problems.OrderBy(_ => random.Next()).Take(random.Next(2, 5))],
        RequiredActivityKind.Rectification => [.. Measures.OrderBy(_ => random.Next()).Take(random.Next(1, 4))],
        _ => [],
    };
}
