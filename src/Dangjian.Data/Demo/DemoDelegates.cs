using Dangjian.Domain.Calendar;
using Dangjian.Domain.Delegates;
using Dangjian.Domain.People;

namespace Dangjian.Data.Demo;

/// <summary>
/// 党代表常任制 (DEL-1, DEL-2) in the demo district: the district's congress term (第三届, in its third year) with a delegation
/// per township of four full members each — the demo member among township A's, so /me shows their seat and proposals — and
/// proposals at every step: waiting to be registered, declined, registered, in handling (one overdue), answered and awaiting
/// the member's rating, rated, closed, and one rated 不满意 and back in handling for a second round. Made through the
/// entities' own methods with a seeded <see cref="Random"/>: the same today gives the same rows.
/// </summary>
internal static class DemoDelegates
{
    private static readonly (string Title, string Content, string Answer)[] Topics =
    [
        ("关于加快农村人居环境整治的提案", "部分村庄生活垃圾收运不及时，建议增设分类收集点，建立保洁员考核制度。", "已在全区增设分类收集点 120 个，保洁员实行月度考核。"),
        ("关于建立党代表联系服务群众工作室的提案", "建议在各镇（街道）设立党代表工作室，定期接待党员群众，收集意见建议。", "各镇（街道）已设立党代表工作室，每月第一周安排代表接待。"),
        ("关于加强村级集体经济发展的提案", "部分村集体经济薄弱，建议统筹项目资金，扶持特色产业。", "已安排专项扶持资金，重点支持 15 个薄弱村发展特色种养业。"),
        ("关于完善党代表视察制度的提案", "建议每年组织党代表对重点工作开展专题视察，视察意见书面反馈。", "已制定党代表视察办法，每半年组织一次专题视察。"),
        ("关于改善农村道路安全设施的提案", "部分村道急弯陡坡缺少护栏和警示标志，存在安全隐患。", "已排查隐患路段 46 处，年内完成护栏和警示标志安装。"),
        ("关于规范党代表情况通报制度的提案", "建议区委定期向党代表通报重大决策和重点工作进展情况。", "区委每季度向党代表书面通报一次重点工作进展。"),
        ("关于加强基层党员教育培训的提案", "建议整合远程教育资源，增加流动党员线上学习渠道。", "已开通线上学习平台，流动党员可随时参加学习。"),
        ("关于推进社区养老服务的提案", "老年人口比重上升，建议在社区建设日间照料中心。", "已将 8 个社区日间照料中心纳入年度民生实事。"),
        ("关于健全提案督办制度的提案", "建议对提案办理实行台账管理，逾期未办结的进行督办通报。", "已建立提案办理台账，逾期事项纳入督办通报。"),
    ];

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var random = new Random(today.DayNumber ^ 0x4445);
        var district = plan.District;
        var term = CongressTerm.Open(district.Entity.Id, 3, new DateOnly(today.Year - 2, 3, 1), new DateOnly(today.Year + 3, 2, 28));
        db.CongressTerms.Add(term);
        await db.SaveChangesAsync(ct);

        var delegations = district.Children.Select(t => (Township: t, Delegation: Delegation.Form(term, t.Place + "代表团", t.Entity.Id))).ToList();
        db.Delegations.AddRange(delegations.Select(d => d.Delegation));
        await db.SaveChangesAsync(ct);

        var seats = new List<DelegateSeat>();
        foreach (var (township, delegation) in delegations)
        {
            var people = township.SubtreeRoll.Where(p => p.Status == MemberStatus.Full && !p.IsRemoved && p.Id != plan.SampleMember.Id).ToList();
            var chosen = people.OrderBy(_ => random.Next()).Take(4).ToList();
            if (township.SubtreeRoll.Contains(plan.SampleMember))
            {
                chosen[^1] = plan.SampleMember;
            }

            seats.AddRange(chosen.Select(p => DelegateSeat.Seat(term, delegation, p.Id, null, seats.Select(s => s.PersonId))));
        }

        db.DelegateSeats.AddRange(seats);
        await db.SaveChangesAsync(ct);
        seats[1].End(term, today.AddDays(-40), "工作调动，调离本区", today);
        await db.SaveChangesAsync(ct);

        var serving = seats.Where(s => s.IsServing).ToList();
        var member = seats.Single(s => s.PersonId == plan.SampleMember.Id);
        var townships = district.Children.Select(c => c.Entity.Id).ToList();
        var calendar = HolidayCalendar.Shipped;
        for (var i = 0; i < Topics.Length; i++)
        {
            var (title, content, answer) = Topics[i];
            var candidates = serving.Where(s => s.PersonId != member.PersonId).ToList();
            var lead = i is 4 or 6 ? member : candidates[random.Next(candidates.Count)];
            var others = candidates.Where(s => s.PersonId != lead.PersonId).OrderBy(_ => random.Next()).Take(2).Select(s => s.PersonId).ToList();
            if (i == 5)
            {
                others[0] = member.PersonId; // the member co-signed one that was rated and went back
            }

            var filed = today.AddDays(-90 + (i * 5));
            var p = Proposal.File(term, seats, lead.PersonId, others, title, content, "区委组织部 王敏", filed, ProposalRules.Defaults);
            var handling = townships[i % townships.Count];
            switch (i)
            {
                case 0: // waiting to be registered
                    break;
                case 1:
                    p.DeclineRegistration("属于日常工作建议，转有关部门参考办理", filed.AddDays(3));
                    break;
                case 2:
                    p.Register(filed.AddDays(3));
                    break;
                case 3: // in handling, overdue
                    p.Register(filed.AddDays(3));
                    p.Assign(handling, Deadline(calendar, filed.AddDays(5), 20), filed.AddDays(5));
                    break;
                default:
                    p.Register(filed.AddDays(3));
                    var assigned = today.AddDays(i == 8 ? -24 : -30);
                    p.Assign(handling, Deadline(calendar, assigned, 20), assigned);
                    if (i == 8)
                    {
                        break; // in handling, due soon
                    }

                    p.Answer(answer, "承办单位 李华", today.AddDays(-10));
                    if (i == 4)
                    {
                        break; // answered: the member rates it on /me
                    }

                    foreach (var who in p.Proposers)
                    {
                        var rating = i == 5 && who.PersonId == others[1] ? ProposalRating.Unsatisfied : (who.IsLead ? ProposalRating.Satisfied : ProposalRating.BasicallySatisfied);
                        p.Rate(who.PersonId, rating, today.AddDays(-5), calendar, ProposalRules.Defaults);
                    }

                    if (i == 7)
                    {
                        p.Close(today.AddDays(-2));
                    }

                    break;
            }

            db.Proposals.Add(p);
        }

        await db.SaveChangesAsync(ct);
        await AddDutiesAsync(db, random, term, seats, member, district.Entity.Id, today, ct);
    }

    /// <summary>
    /// DEL-3 and DEL-4: this year's regular meetings, an inspection tour and a briefing with each delegate's attendance (a few
    /// absent with a reason), all published but the one planned; a 述职 at the latest regular meeting, linked to the district's
    /// evaluation campaign when there is one; an inquiry of the district committee answered; and a recall that fails its
    /// threshold (two signers of the fifth of the serving delegates it needs) and is refused with the count.
    /// </summary>
    private static async Task AddDutiesAsync(DangjianDbContext db, Random random, CongressTerm term, List<DelegateSeat> seats, DelegateSeat member, int districtId, DateOnly today, CancellationToken ct)
    {
        (DelegateActivityKind Kind, int DaysAgo, string Place, string Subject, string Summary)[] plan =
        [
            (DelegateActivityKind.RegularMeeting, 150, "区委三楼会议室", "第一季度党代表例会", "通报一季度重点工作推进情况，代表分组讨论人居环境整治和集体经济发展。"),
            (DelegateActivityKind.InspectionTour, 110, "各镇（街道）", "农村人居环境整治专题视察", "代表分三组视察垃圾分类收集点和村道安全设施，形成视察意见 12 条。"),
            (DelegateActivityKind.Briefing, 70, "区委大礼堂", "上半年全区重点工作情况通报", "区委通报上半年经济社会发展和党的建设重点工作进展，代表提问 6 个。"),
            (DelegateActivityKind.RegularMeeting, 20, "区委三楼会议室", "第三季度党代表例会", "听取区委常委述职，代表对述职情况进行测评。"),
            (DelegateActivityKind.RegularMeeting, -10, "区委三楼会议室", "第四季度党代表例会", "拟听取提案办理情况汇报。"),
        ];
        string[] reasons = ["外出学习", "因病请假", "参加防汛值班", "出差"];
        var activities = new List<DelegateActivity>();
        foreach (var (kind, daysAgo, place, subject, summary) in plan)
        {
            var heldOn = today.AddDays(-daysAgo);
            if (!term.RunsOn(heldOn))
            {
                continue;
            }

            var a = DelegateActivity.Record(term, kind, heldOn, place, subject, summary);
            if (daysAgo > 0)
            {
                foreach (var seat in seats.Where(s => s.EndedOn is not { } e || e >= heldOn))
                {
                    var present = seat.PersonId == member.PersonId ? daysAgo != 110 : random.Next(10) > 1;
                    a.MarkAttendance(seat, present, present ? null : reasons[random.Next(reasons.Length)], today);
                }

                a.Publish(heldOn.AddDays(2) <= today ? heldOn.AddDays(2) : today);
            }

            activities.Add(a);
        }

        db.DelegateActivities.AddRange(activities);
        await db.SaveChangesAsync(ct);

        if (activities.Where(a => a.Kind == DelegateActivityKind.RegularMeeting && a.HeldOn <= today).OrderByDescending(a => a.HeldOn).FirstOrDefault() is { } meeting)
        {
            var report = WorkReport.Record(term, meeting, null, "陈建国", "区委副书记", "2024年以来履行管党治党责任情况", meeting.HeldOn, today);
            var campaign = db.EvaluationCampaigns.Local.Where(c => c.OrganizationId == districtId).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault();
            report.LinkEvaluation(campaign);
            db.DelegateWorkReports.Add(report);
        }

        var serving = seats.Where(s => s.IsServing).ToList();
        var others = serving.Where(s => s.PersonId != member.PersonId).OrderBy(_ => random.Next()).ToList();
        var rules = DelegateMotionRules.Defaults;
        var inquiry = DelegateMotion.File(
            term, seats, others[0].PersonId, [.. others.Skip(1).Take(rules.InquirySigners - 1).Select(s => s.PersonId)], MotionKind.Inquiry, MotionTarget.Committee, null,
            "关于村级集体资金监管情况的质询", "部分村集体资金使用情况未按季度公开，群众反映较多，请区委说明监管措施。", "区委组织部 王敏", today.AddDays(-45));
        inquiry.Review(seats, rules, today.AddDays(-40));
        inquiry.Answer("区委已责成各镇（街道）对村级集体资金开展专项检查，资金使用情况每季度在村务公开栏公开，并纳入年度考核。", "区委办公室 刘洋", today.AddDays(-25));
        var target = others[^1];
        var recall = DelegateMotion.File(
            term, seats, others[^2].PersonId, [member.PersonId], MotionKind.Recall, MotionTarget.Delegate, target.PersonId,
            "关于罢免一名党代表的动议", "该代表一年来三次无故缺席代表例会，未参加视察活动。", "区委组织部 王敏", today.AddDays(-15));
        recall.Review(seats, rules, today.AddDays(-12)); // 2 signers of the fifth of the serving delegates needed: refused
        db.DelegateMotions.AddRange(inquiry, recall);
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Deadline(HolidayCalendar calendar, DateOnly from, int days) => ProposalRules.Deadline(calendar, from, days);
}
