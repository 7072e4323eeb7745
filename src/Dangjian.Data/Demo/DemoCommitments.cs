using Dangjian.Domain.Commitments;
using Dangjian.Domain.Common;
using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Surveys;

namespace Dangjian.Data.Demo;

/// <summary>
/// Public commitments for the demo (CMT-1 … CMT-6), in the sample branch's township. This year's campaign late in 审:
/// members' items (2—5 each) at every review state, most approved and being fulfilled, some of those overdue, with
/// progress records, a retired cadre supervising (one comment, one item flagged lagging), and a few branches' own
/// commitments to their members. The demo member has written none yet, so they can set theirs on their own page (/me);
/// the other members of the demo secretary's branch await the branch. Last year's campaign closed: most items graded 好 or
/// 较好 and 销号 where the masses were satisfied, one graded 差 in rectification. Every row is made by the domain's own
/// methods, replayed on the days they would have happened, so the stored rows obey the rules. Chance comes from a
/// seeded <see cref="Random"/>: the same <c>today</c> gives the same rows.
/// </summary>
internal static class DemoCommitments
{
    private const int Seed = DemoGenerator.Seed + 6;
    private const int Branches = 6;
    private const int MembersPerBranch = 8;
    private const int LastYearMembersPerBranch = 5;
    private const string By = "demo";
    private const string Representative = "孙秀兰";
    private const int EvidenceItems = 4;

    private static readonly string[] Deeds =
    [
        "每月走访联系户一次，帮助解决生产生活困难。",
        "结对帮扶一户困难家庭，协助申请临时救助。",
        "组织村内河道清理志愿服务，全年不少于四次。",
        "为村里留守老人代购药品、代办业务。",
        "参与人居环境整治，负责责任区卫生保洁。",
        "开展一次农业实用技术培训，带动群众增收。",
        "帮助调解邻里纠纷，及时向支部报告矛盾隐患。",
        "协助开展防汛巡查，汛期每周巡查两次。",
        "为群众宣讲惠民政策，每季度不少于一次。",
        "牵头修缮村组便道一段，解决群众出行难。",
    ];

    private static readonly string[] Ways =
    [
        "每月固定日期上门，支部登记在册。",
        "与村委会对接，按季度推进并公示进度。",
        "组织党员志愿者分组实施，留存照片记录。",
        "制定计划报支部，完成后由群众签字确认。",
    ];

    private static readonly string[] OrganizationDeeds =
    [
        "支部每季度召开一次党员议事会，听取党员意见建议。",
        "支部为年老体弱党员送学上门，每半年一次。",
        "支部公开党费收缴和使用情况，每季度公示一次。",
    ];

    private static readonly string[] Steps =
    [
        "已上门走访，登记困难诉求三项，已协调解决两项。",
        "组织志愿者清理河道一公里，清运垃圾两车。",
        "完成政策宣讲一场，参加群众三十余人。",
        "协调村委会落实资金，便道修缮已完成一半。",
    ];

    private enum Fate
    {
        Draft,
        AwaitBranch,
        AwaitCommittee,
        Returned,
        RejectedAtBranch,
        RejectedAtCommittee,
        Approved,
    }

    public static async Task AddAsync(DangjianDbContext db, DemoPlan plan, DateOnly today, CancellationToken ct)
    {
        var rnd = new Random(Seed);
        var township = plan.SampleBranch.Parent!;
        var branches = new[] { plan.SampleBranch }
            .Concat(Subtree(township).Where(o => o.Entity.Kind == OrganizationKind.Branch && o != plan.SampleBranch))
            .Take(Branches)
            .ToList();
        // 老干部: the township's oldest full member who owns no item in either campaign; the demo's supervisor account is theirs.
        var owners = branches.SelectMany(b => Members(b, plan.SampleMember).Take(MembersPerBranch)).Select(p => p.Id).ToHashSet();
        plan.SampleSupervisor = Subtree(township).SelectMany(o => o.Roll)
            .Where(p => p.Status == MemberStatus.Full && !p.IsRemoved && !owners.Contains(p.Id))
            .OrderBy(p => p.BirthDate).ThenBy(p => p.Id).First();
        var supervisor = CommitmentSupervisor.Assign(
            township.Entity.Id, plan.SampleSupervisor.Id, plan.SampleSupervisor.Name, SupervisorKind.RetiredCadre, today.AddDays(-60));

        // Built whole before anything is saved (the seed does not detect later changes), the campaigns with no id yet:
        // the items take their campaign's id once it is known.
        var current = new CommitmentCampaign { OrganizationId = township.Entity.Id };
        current.Describe(today.Year, $"{today.Year}年{township.Place}党员公开承诺");
        var currentItems = ThisYear(rnd, current, plan, branches, today);
        var last = new CommitmentCampaign { OrganizationId = township.Entity.Id };
        last.Describe(today.Year - 1, $"{today.Year - 1}年{township.Place}党员公开承诺");
        var (lastItems, reports, objection) = LastYear(rnd, last, branches, today);

        // A residents' representative (群众代表) for the sample branch beside the township's retired cadre.
        var representative = CommitmentSupervisor.Assign(plan.SampleBranch.Entity.Id, null, Representative, SupervisorKind.ResidentRepresentative, today.AddDays(-45));
        db.CommitmentCampaigns.AddRange(last, current);
        db.CommitmentSupervisors.AddRange(supervisor, representative);
        await db.SaveChangesAsync(ct);

        Supervise(currentItems, supervisor, today);
        foreach (var (items, campaign) in new[] { (lastItems, last), (currentItems, current) })
        {
            foreach (var item in items)
            {
                item.CampaignId = campaign.Id;
                db.Commitments.Add(item);
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var report in reports)
        {
            report.CampaignId = last.Id;
        }

        (objection.CampaignId, objection.CommitmentId) = (last.Id, lastItems[0].Id);
        db.CommitmentSelfReports.AddRange(reports);
        db.CommitmentObjections.Add(objection);
        await db.SaveChangesAsync(ct);
        await EvidenceAsync(db, currentItems, ct);
        await SatisfactionVotesAsync(db, lastItems, branches, plan.SampleBranch, ct);
    }

    /// <summary>
    /// 群众满意票 (SRV-3) on last year's items of the sample branch and on the item sent to rectification: a closed vote of
    /// one-time codes on each, open the days between the 述职 and the grading, whose ballots add up to the tally the grade
    /// recorded, so the item's page shows the vote its grade counted; a new round of the item in rectification needs a
    /// new vote (<see cref="Commitment.DemandNewVote"/>). The other branches counted their votes on paper. Its own seeded
    /// <see cref="Random"/>, drawn last: no other demo row changes.
    /// </summary>
    private static async Task SatisfactionVotesAsync(DangjianDbContext db, List<Commitment> items, List<DemoOrg> branches, DemoOrg sample, CancellationToken ct)
    {
        var rnd = new Random(Seed + 1);
        var people = branches.SelectMany(b => b.SubtreeRoll).DistinctBy(p => p.Id).ToDictionary(p => p.Id);
        var sampleMembers = sample.SubtreeRoll.Select(p => p.Id).ToHashSet();
        var voted = items.Where(i => i.OwnerPersonId is { } owner && (sampleMembers.Contains(owner) || i.Status == CommitmentStatus.Rectifying)).ToList();
        var surveys = voted.Select(item =>
        {
            var graded = item.Evaluations[0].At;
            var (opened, closed) = (graded.AddDays(-4).AddHours(-1), graded.AddDays(-1).AddHours(7));
            var survey = new Survey
            {
                OrganizationId = people[item.OwnerPersonId!.Value].OrganizationId,
                Title = Fit($"“{item.Content}”满意度测评", Survey.MaxTitleLength),
                Status = SurveyStatus.Closed,
                Access = SurveyAccess.AccessCodes,
                TargetKind = SurveyTargetKind.Commitment,
                TargetId = item.Id,
                CreatedAt = opened.AddMinutes(-10),
                OpenedAt = opened,
                ClosedAt = closed,
                ClosesAt = closed,
            };
            survey.Questions.Add(new SurveyQuestion
            {
                Order = 1, Kind = QuestionKind.SingleChoice, Text = "您对这项承诺的履诺情况是否满意？", Required = true, Options = ["满意", "基本满意", "不满意"],
            });
            return survey;
        }).ToList();
        db.Surveys.AddRange(surveys);
        await db.SaveChangesAsync(ct);

        foreach (var (item, survey) in voted.Zip(surveys))
        {
            var e = item.Evaluations[0];
            var verdicts = Enumerable.Repeat(0, e.Satisfied).Concat(Enumerable.Repeat(1, e.BasicallySatisfied)).Concat(Enumerable.Repeat(2, e.Dissatisfied)).ToArray();
            rnd.Shuffle(verdicts);
            var question = survey.Specs()[0].Id;
            DemoSurveys.CloseBox(db, survey, verdicts.Length + rnd.Next(4), verdicts.Length, rnd, i => new() { [question] = Answer.Choice(verdicts[i]) });
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>
    /// 佐证材料: a small text file for the first record of a few items with progress, cited by that record (the files take
    /// their item's id, so they are added once the items are saved).
    /// </summary>
    private static async Task EvidenceAsync(DangjianDbContext db, List<Commitment> items, CancellationToken ct)
    {
        var records = items.Where(i => i.Progress.Count > 0).Take(EvidenceItems).Select(i => i.Progress[0]).ToList();
        var files = records.Select(r =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes($"{DateText.Format(r.Date)} 履诺记录\n{r.Steps}\n{r.Result}\n");
            return new CommitmentEvidenceFile
            {
                CommitmentId = r.CommitmentId, FileName = $"履诺记录-{DateText.Format(r.Date)}.txt", ContentType = "text/plain", Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), Content = bytes, UploadedAt = r.RecordedAt, UploadedBy = By,
            };
        }).ToList();
        db.CommitmentEvidenceFiles.AddRange(files);
        await db.SaveChangesAsync(ct);
        foreach (var (record, file) in records.Zip(files))
        {
            record.EvidenceFileIds = [file.Id];
            db.Entry(record).Property(r => r.EvidenceFileIds).IsModified = true;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 定 three months ago, submitted a week later, the branches' decisions a week after, the committee's a week after
    /// that; progress since. The campaign stays in 审: the returned items and those still awaiting a level keep it there.
    /// </summary>
    private static List<Commitment> ThisYear(Random rnd, CommitmentCampaign campaign, DemoPlan plan, List<DemoOrg> branches, DateOnly today)
    {
        var written = today.AddDays(-90);
        var (submitted, branchDay, committeeDay) = (written.AddDays(7), written.AddDays(14), written.AddDays(21));
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var owners = new List<(List<Commitment> Items, List<Fate> Fates)>();
        foreach (var branch in branches)
        {
            foreach (var member in Members(branch, plan.SampleMember).Take(MembersPerBranch))
            {
                var fates = FatesOf(rnd, branch == plan.SampleBranch, member == plan.SampleMember);
                if (fates.Count == 0)
                {
                    continue;
                }

                var items = fates.Select(fate =>
                {
                    var overdue = fate == Fate.Approved && rnd.NextDouble() < 0.2;
                    var deadline = overdue ? today.AddDays(-1 - rnd.Next(30)) : Min(today.AddDays(20 + rnd.Next(200)), yearEnd);
                    return Commitment.ForMember(campaign, member.Id, Content(rnd, Deeds, deadline, member), written);
                }).ToList();
                owners.Add((items, fates));
            }
        }

        var organizations = branches.Take(3).Select((branch, i) => Commitment.ForOrganization(
            campaign, branch.Entity.Id, ApprovalLevel.Branch, CommitmentDirection.Downward,
            new CommitmentContent(OrganizationDeeds[i], Ways[rnd.Next(Ways.Length)], yearEnd, branch.Entity.Name), written)).ToList();

        foreach (var (items, _) in owners.Where(o => o.Fates[0] != Fate.Draft))
        {
            campaign.Submit(items, By, At(submitted));
        }

        foreach (var organization in organizations)
        {
            campaign.Submit([organization], By, At(submitted));
        }

        campaign.StartApproval(owners.SelectMany(o => o.Items).Concat(organizations).Select(i => i.Status));

        foreach (var (item, fate) in owners.SelectMany(o => o.Items.Zip(o.Fates)))
        {
            Review(campaign, item, fate, At(branchDay), At(committeeDay));
        }

        foreach (var organization in organizations)
        {
            organization.Approve(campaign, ApprovalLevel.Committee, By, At(committeeDay));
        }

        foreach (var item in owners.SelectMany(o => o.Items).Concat(organizations).Where(i => i.Status == CommitmentStatus.Approved && rnd.NextDouble() < 0.5))
        {
            Progress(rnd, item, committeeDay, today);
        }

        return [.. owners.SelectMany(o => o.Items), .. organizations];
    }

    /// <summary>
    /// Last year's whole course: 定 in January, 审 in February, 履 through the year, 评 in December (each member's 述职,
    /// then the grades, publicized for two weeks with one objection answered), then closed. One item is graded 差 and sent
    /// to rectification, due a month from today; the rest 好 (销号 when two thirds or more are satisfied) or 较好 (left open).
    /// </summary>
    private static (List<Commitment> Items, List<CommitmentSelfReport> Reports, CommitmentObjection Objection) LastYear(
        Random rnd, CommitmentCampaign campaign, List<DemoOrg> branches, DateOnly today)
    {
        var year = today.Year - 1;
        var (written, submitted, branchDay, committeeDay) = (new DateOnly(year, 1, 10), new DateOnly(year, 1, 20), new DateOnly(year, 2, 1), new DateOnly(year, 2, 10));
        var (reported, graded, publicized, objected, closed) =
            (new DateOnly(year, 12, 3), new DateOnly(year, 12, 8), new DateOnly(year, 12, 9), new DateOnly(year, 12, 12), new DateOnly(year, 12, 28));
        var owners = branches.SelectMany(b => Members(b, null).Take(LastYearMembersPerBranch))
            .Select(member => Enumerable.Range(0, 2 + rnd.Next(3))
                .Select(_ => Commitment.ForMember(campaign, member.Id, Content(rnd, Deeds, new DateOnly(year, 3 + rnd.Next(9), 1 + rnd.Next(28)), member), written))
                .ToList())
            .ToList();
        foreach (var items in owners)
        {
            campaign.Submit(items, By, At(submitted));
        }

        var all = owners.SelectMany(i => i).ToList();
        campaign.StartApproval(all.Select(i => i.Status));
        foreach (var item in all)
        {
            Review(campaign, item, Fate.Approved, At(branchDay), At(committeeDay));
        }

        campaign.StartFulfilment(all.Select(i => i.Status));
        foreach (var item in all)
        {
            Progress(rnd, item, committeeDay, graded);
        }

        campaign.StartEvaluation();
        var reports = owners.Select(items =>
        {
            var report = CommitmentSelfReport.For(campaign, items[0].OwnerPersonId, null);
            report.Write(campaign, $"本年度承诺{items.Count}件，均已按计划推进；{items[0].Content}已完成，群众反映良好。", By, At(reported));
            return report;
        }).ToList();
        var poor = all.Count / 2;
        for (var i = 0; i < all.Count; i++)
        {
            var cast = 20 + rnd.Next(20);
            var (grade, tally, plan) = i == poor
                ? (CommitmentGrade.Poor, Tally(cast, 0.2, 0.55), new RectificationPlan(today.AddDays(30), "重新制定帮扶计划，每半月上门一次，整改情况向群众公示。"))
                : rnd.NextDouble() < 0.6
                    ? (CommitmentGrade.Good, Tally(cast, 0.7 + (rnd.NextDouble() * 0.25), 0), (RectificationPlan?)null)
                    : (CommitmentGrade.FairlyGood, Tally(cast, 0.45 + (rnd.NextDouble() * 0.2), 0.1), null);
            all[i].Grade(campaign, grade, tally, plan, By, At(graded), graded);
        }

        campaign.Publicize(publicized, publicized.AddDays(13), Domain.Calendar.HolidayCalendar.Shipped, all.Select(i => i.Status));
        var objection = CommitmentObjection.File(campaign, "建议对承诺完成情况的佐证材料一并公示。", null, null, objected, At(objected));
        objection.AnswerWith(campaign, "已将各项承诺的履诺记实和佐证材料在村务公开栏一并公示。", By, At(objected.AddDays(2)));
        campaign.Close(all.Select(i => i.Status), closed, 0);
        return (all, reports, objection);
    }

    /// <summary>The demo member has none yet (they set theirs on /me); the rest of the demo secretary's branch awaits the branch.</summary>
    private static List<Fate> FatesOf(Random rnd, bool sampleBranch, bool sampleMember)
    {
        var count = 2 + rnd.Next(4);
        if (sampleMember)
        {
            return [];
        }

        if (sampleBranch)
        {
            return [.. Enumerable.Repeat(Fate.AwaitBranch, count)];
        }

        if (rnd.NextDouble() < 0.1)
        {
            return [.. Enumerable.Repeat(Fate.Draft, count)];
        }

        var fates = Enumerable.Range(0, count).Select(_ => rnd.NextDouble() switch
        {
            < 0.55 => Fate.Approved,
            < 0.7 => Fate.AwaitCommittee,
            < 0.8 => Fate.AwaitBranch,
            < 0.9 => Fate.Returned,
            < 0.95 => Fate.RejectedAtBranch,
            _ => Fate.RejectedAtCommittee,
        }).ToList();

        // A member left with fewer live items than the bound would have to write another (2—5件); the demo keeps them within it.
        for (var i = 0; i < fates.Count && fates.Count(f => f is not (Fate.RejectedAtBranch or Fate.RejectedAtCommittee)) < CommitmentRules.Default.MinPerMember; i++)
        {
            if (fates[i] is Fate.RejectedAtBranch or Fate.RejectedAtCommittee)
            {
                fates[i] = Fate.Approved;
            }
        }

        return fates;
    }

    private static void Review(CommitmentCampaign campaign, Commitment item, Fate fate, DateTimeOffset branchAt, DateTimeOffset committeeAt)
    {
        switch (fate)
        {
            case Fate.Draft or Fate.AwaitBranch:
                return;
            case Fate.Returned:
                item.Return(campaign, ApprovalLevel.Branch, "完成时限和落实措施不够具体，请细化到月并写明联系对象。", By, branchAt);
                return;
            case Fate.RejectedAtBranch:
                item.Reject(campaign, ApprovalLevel.Branch, "该事项属本职工作，不宜作为为群众办实事的承诺。", By, branchAt);
                return;
        }

        item.Approve(campaign, ApprovalLevel.Branch, By, branchAt);
        if (fate == Fate.Approved)
        {
            item.Approve(campaign, ApprovalLevel.Committee, By, committeeAt);
        }
        else if (fate == Fate.RejectedAtCommittee)
        {
            item.Reject(campaign, ApprovalLevel.Committee, "与其他党员承诺事项重复，建议另行选择群众急需的实事。", By, committeeAt);
        }
    }

    /// <summary>One or two records, on days after approval and before <paramref name="before"/>.</summary>
    private static void Progress(Random rnd, Commitment item, DateOnly approved, DateOnly before)
    {
        var span = before.DayNumber - approved.DayNumber - 1;
        if (span < 1)
        {
            return;
        }

        var days = Enumerable.Range(0, 1 + rnd.Next(2)).Select(_ => approved.AddDays(1 + rnd.Next(span))).Order();
        foreach (var day in days)
        {
            var record = new FulfilmentRecord { Date = day, Steps = Steps[rnd.Next(Steps.Length)], ResponsiblePerson = item.ResponsibleName, Result = "群众反映良好。" };
            item.RecordProgress(record, By, before, At(day));
        }
    }

    /// <summary>The retired cadre comments on an item with progress and flags an overdue one with none as lagging (跟踪督查).</summary>
    private static void Supervise(List<Commitment> items, CommitmentSupervisor supervisor, DateOnly today)
    {
        var approved = items.Where(i => i.Status == CommitmentStatus.Approved && i.OwnerPersonId is not null).ToList();
        var lagging = approved.First(i => i.IsOverdue(today) && i.Progress.Count == 0);
        lagging.AddSupervisorComment(
            new SupervisorComment { SupervisorId = supervisor.Id, SupervisorName = supervisor.Name, Text = "已过完成时限仍无履诺记录，请尽快推进并报告进度。", Lagging = true },
            At(today.AddDays(-2)));
        approved.First(i => i.Progress.Count > 0).AddSupervisorComment(
            new SupervisorComment { SupervisorId = supervisor.Id, SupervisorName = supervisor.Name, Text = "实地查看，群众评价较好，请继续保持。" },
            At(today.AddDays(-1)));
    }

    private static CommitmentContent Content(Random rnd, string[] deeds, DateOnly deadline, Person owner) =>
        new(deeds[rnd.Next(deeds.Length)], Ways[rnd.Next(Ways.Length)], deadline, owner.Name, owner.Id);

    /// <summary>A vote of <paramref name="cast"/>: about <paramref name="satisfied"/> of it 满意, <paramref name="dissatisfied"/> 不满意, the rest 基本满意.</summary>
    private static SatisfactionTally Tally(int cast, double satisfied, double dissatisfied)
    {
        var yes = (int)Math.Ceiling(cast * satisfied);
        var no = Math.Min(cast - yes, (int)Math.Ceiling(cast * dissatisfied));
        return new SatisfactionTally(yes, cast - yes - no, no);
    }

    /// <summary>The branch's members (its 党小组 included), the demo member first when given and theirs.</summary>
    private static IEnumerable<Person> Members(DemoOrg branch, Person? first)
    {
        var members = branch.SubtreeRoll.Where(p => p.Status != MemberStatus.Resident && !p.IsRemoved).ToList();
        return first is not null && members.Remove(first) ? members.Prepend(first) : members;
    }

    private static IEnumerable<DemoOrg> Subtree(DemoOrg org) => org.Children.SelectMany(c => c.Children.Count == 0 ? [c] : Subtree(c).Prepend(c));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>10:00 Beijing time, stored as UTC like every instant.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
}
