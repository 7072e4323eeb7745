using Dangjian.Domain.Awards;
using Dangjian.Domain.Calendar;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.People;

namespace Dangjian.Data.Demo;

/// <summary>
/// 评先评优 (EVA-11) and the branch secretaries' assessment (EVA-9) in the demo district. The first township's selection
/// of last year's "两优一先" (seed 002: 创建先进基层党组织、争当优秀共产党员) went through every step: members and a branch
/// nominated, a probationary member refused at the check (the reason kept), the chosen publicized for five working days,
/// one objection answered as not upheld, and the awards recorded. The township's secretaries were assessed with the
/// quantified indicators of seed 003 in the two years before; one was rated poor in both and carries the exit flag. Made
/// through the entities' own methods with a seeded <see cref="Random"/>: the same today gives the same rows.
/// </summary>
internal static class DemoAwards
{
    private static readonly string[] Deeds =
    [
        "带头落实“三会一课”，牵头成立志愿服务队，全年走访困难群众 40 余户，帮助解决就医、就学难题 12 件。",
        "扎根村级集体经济发展，引进特色种植项目，带动 30 余户群众增收，满意度测评满意率 96%，群众普遍认可。",
        "负责支部党费收缴和党员档案管理，台账规范、公开及时，党费连续三年足额收缴。",
        "支部班子团结，组织生活规范，党员示范岗作用明显，矛盾纠纷化解率 100%，做到小事不出村。",
    ];

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x4157);
        var township = plan.Organizations.First(o => o.Level == 1);
        var branches = township.Children.Where(c => c.Roll.Count >= 3).Take(4).ToList();
        if (branches.Count < 2)
        {
            return;
        }

        var year = today.Year - 1;
        var selection = AwardSelection.Open(township.Entity.Id, year, $"{year}年度“两优一先”评选", 1, 2, 1);
        var members = branches.Select(b => b.Roll.Where(p => p.Status == MemberStatus.Full).OrderBy(_ => random.Next()).FirstOrDefault() ?? b.Roll[0]).ToList();
        var probationary = township.Children.SelectMany(c => c.Roll).FirstOrDefault(p => p.Status == MemberStatus.Probationary);
        var by = township.Entity.Name + "党委";
        selection.Nominate(AwardCategory.ExcellentMember, members[0].Id, null, members[0].Name, branches[0].Entity.Name, Deeds[0]);
        selection.Nominate(AwardCategory.ExcellentMember, members[1].Id, null, members[1].Name, branches[1].Entity.Name, Deeds[1]);
        if (probationary is not null)
        {
            selection.Nominate(AwardCategory.ExcellentMember, probationary.Id, null, probationary.Name, by, Deeds[1]);
        }

        var worker = members[^1];
        selection.Nominate(AwardCategory.ExcellentPartyWorker, worker.Id, null, worker.Name, by, Deeds[2]);
        selection.Nominate(AwardCategory.AdvancedOrganization, null, branches[0].Entity.Id, branches[0].Entity.Name, by, Deeds[3]);
        // The steps as they ran, written as history (the demo's exception to "status only through methods"), so each row
        // is created once: the check with the facts the system held of each nominee (no grade, votes or open notice in
        // the demo's last year, so the probationary member alone is refused), the decision within the quotas, 公示 from
        // 1 December for five working days, and the award the day after.
        foreach (var n in selection.Nominations)
        {
            var refusals = AwardEligibility.Check(new NomineeFacts(n.Category, [], [], [], 0, n.PersonId == probationary?.Id), AwardRules.Default);
            n.Eligibility = refusals.Count == 0 ? NominationEligibility.Eligible : NominationEligibility.Refused;
            n.Refusals = [.. refusals.Select(r => r.ToString())];
            n.Chosen = refusals.Count == 0;
        }

        var from = new DateOnly(year, 12, 1);
        selection.PublicityFrom = from;
        selection.PublicityTo = PublicityPeriod.LastDay(HolidayCalendar.Shipped, from, AwardRules.Default.PublicityWorkingDays);
        selection.AwardedOn = selection.PublicityTo.Value.AddDays(1);
        selection.Status = AwardSelectionStatus.Awarded;
        db.AwardSelections.Add(selection);
        await db.SaveChangesAsync(ct);

        var first = selection.Nominations[0];
        db.AwardObjections.Add(new AwardObjection
        {
            SelectionId = selection.Id, NominationId = first.Id, Text = "反映该同志去年参加组织生活次数偏少。", FiledOn = from.AddDays(1),
            Upheld = false, Answer = "经核实，该同志全年参加组织生活 11 次，因外出务工请假 1 次，已按规定补学，反映情况不属实。", AnsweredBy = by, AnsweredOn = from.AddDays(3),
        });
        db.AwardRecords.AddRange(selection.Nominations.Where(n => n.Chosen).Select(n => new AwardRecord
        {
            SelectionId = selection.Id, NominationId = n.Id, AwardingOrganizationId = selection.OrganizationId, Year = year, Title = selection.Title,
            Category = n.Category, PersonId = n.PersonId, NomineeOrganizationId = n.NomineeOrganizationId, NomineeName = n.NomineeName, AwardedOn = selection.AwardedOn.Value,
        }));
        await db.SaveChangesAsync(ct);

        await AddSecretariesAsync(db, township, branches, year, random, ct);
    }

    /// <summary>Two years of 党支部书记量化考核 of the township's branch secretaries; the first branch's rated poor both years.</summary>
    private static async Task AddSecretariesAsync(DangjianDbContext db, DemoOrg township, List<DemoOrg> branches, int lastYear, Random random, CancellationToken ct)
    {
        var secretaries = branches.Select(b => b.Roll[0]).ToList();
        foreach (var year in new[] { lastYear - 1, lastYear })
        {
            var closes = new DateTimeOffset(new DateOnly(year, 12, 20).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var campaign = new EvaluationCampaign
            {
                OrganizationId = township.Entity.Id, Title = $"{year}年度党支部书记抓党建述职评议量化考核", Year = year,
                Kind = CampaignKind.SecretaryAssessment, SubjectKind = SubjectKind.BranchSecretary,
                CriteriaJson = CampaignJson.Write(SecretaryAssessment.Criteria), GradesJson = CampaignJson.Write(GradeRule.Annual),
                ComponentsJson = CampaignJson.Write(ComponentWeights.Default), VetoGrade = "不称职",
                OpensAt = closes.AddDays(-2), ClosesAt = closes, Seed = $"secretary-{year}", Status = CampaignStatus.Finalized,
            };
            db.EvaluationCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            // The first branch's secretary below 60 (不称职) each year, the others 称职 or 优秀; ranked by composite.
            var composites = secretaries.Select((_, i) => i == 0 ? 55m + random.Next(4) : 72m + random.Next(20)).ToList();
            for (var i = 0; i < secretaries.Count; i++)
            {
                var subject = new EvaluationSubject { CampaignId = campaign.Id, Name = secretaries[i].Name, PersonId = secretaries[i].Id, Description = "党支部书记", Order = i + 1 };
                db.EvaluationSubjects.Add(subject);
                await db.SaveChangesAsync(ct);
                var composite = composites[i];
                var grade = GradeRule.Annual.First(g => composite >= g.Min).Name;
                db.EvaluationResults.Add(new EvaluationResult
                {
                    CampaignId = campaign.Id, SubjectId = subject.Id, Composite = composite, Democratic = composite, Grade = grade,
                    Rank = 1 + composites.Count(c => c > composite), DetailJson = Detail(composite, grade, random),
                    BlocksPromotion = GradeRule.Annual.First(g => g.Name == grade).BlocksPromotion,
                });
            }

            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The result's detail as the results page reads it (ResultDetail in the web project: groups, dimension means, the
    /// grade before quotas, the criticism flag, the inputs): no ballot groups, each indicator's mean near the composite.
    /// </summary>
    private static string Detail(decimal composite, string grade, Random random) => CampaignJson.Write(new
    {
        Groups = Array.Empty<object>(),
        Dimensions = SecretaryAssessment.Criteria.Dimensions.Select(d => new { d.Name, Mean = (decimal?)Math.Clamp(composite + random.Next(-4, 5), 40m, 100m) }).ToList(),
        ThresholdGrade = grade,
        MassCriticism = false,
        WorstShare = (decimal?)null,
        Inputs = new { Achievement = (decimal?)null, Inspection = (decimal?)null, VetoItems = (string?)null },
    });
}
