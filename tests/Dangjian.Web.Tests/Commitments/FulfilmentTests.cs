using System.Net;
using System.Net.Http.Headers;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Commitments;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Commitments.Fulfilment;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Commitments;

/// <summary>
/// 履 over HTTP on a real database (CMT-4, CMT-5): evidence files uploaded whole or not at all and read back byte for byte,
/// progress records citing only their own item's files, 履诺监督员 commenting while serving and not after, the lagging flag
/// until the next progress, and the reminder list on each side of its N days; township B's admin reaching none of it. Each
/// test works on items of its own, in a campaign of its own.
/// </summary>
public abstract class FulfilmentTests(AppFixture app)
{
    private const string Items = CommitmentEndpoints.Route + "/items";

    private static DateOnly Today => OrgToday.Value;

    [Fact]
    public async Task Progress_WithItsOwnFile_Recorded_FileReadBackTheSame_AnotherItemsFileOrOversizeRefused_NothingStored()
    {
        var t = await app.TownshipsAsync();
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var other = await app.ClientForAsync(Demo.OrgAdminB);
        var (_, ids) = await FulfillingAsync(t.A, await SecretarysMemberAsync(), Today.AddDays(30), Today.AddDays(30));
        var (item, otherItem) = (ids[0], ids[1]);

        var bytes = "走访记录：三户困难群众，诉求已登记。"u8.ToArray();
        var upload = await UploadAsync(secretary, item, "走访记录.txt", bytes);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var file = await upload.ReadAsync<EvidenceFileView>();
        Assert.Equal(("走访记录.txt", (long)bytes.Length, item), (file.FileName, file.Size, file.CommitmentId));
        var download = await secretary.GetAsync($"{Items}/{item}/evidence/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"{Items}/{otherItem}/evidence/{file.Id}")).StatusCode);
        var foreignFile = await (await UploadAsync(secretary, otherItem, "照片.png", [0x89, 0x50, 0x4E, 0x47])).ReadAsync<EvidenceFileView>();

        // Another item's file cannot prove this one: 400 naming evidenceFileIds, nothing recorded.
        var stolen = await (await secretary.PostJsonAsync($"{Items}/{item}/progress", Progress([file.Id, foreignFile.Id]))).ProblemErrorsAsync();
        Assert.Equal(["evidenceFileIds"], stolen.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.FulfilmentRecords.CountAsync(p => p.CommitmentId == item)));

        var recorded = await (await secretary.PostJsonAsync($"{Items}/{item}/progress", Progress([file.Id]))).ReadAsync<CommitmentItemDetail>();
        var p = Assert.Single(recorded.Progress);
        Assert.Equal(("上门走访三户", "社区党支部", file.Id), (p.Steps, p.ResponsibleUnit, Assert.Single(p.Evidence).Id));
        Assert.Empty(recorded.UncitedEvidence);
        Assert.Equal(Today, recorded.Item.LastProgress!.Date);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Commitment.ProgressRecorded" && a.EntityId == Key(item))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "CommitmentEvidenceFile.Uploaded" && a.EntityId == Key(item) && a.After!.Contains(file.Sha256))));

        // Over the limit by one byte, and empty: refused naming the file; nothing stored.
        var before = await app.WithDbAsync(db => db.CommitmentEvidenceFiles.CountAsync(f => f.CommitmentId == item));
        var tooLarge = await (await UploadAsync(secretary, item, "大.bin", new byte[CommitmentEvidenceFile.MaxBytes + 1])).ProblemErrorsAsync();
        Assert.Equal(["file"], tooLarge.Keys);
        Assert.Equal(["file"], (await (await UploadAsync(secretary, item, "空.txt", [])).ProblemErrorsAsync()).Keys);
        Assert.Equal(before, await app.WithDbAsync(db => db.CommitmentEvidenceFiles.CountAsync(f => f.CommitmentId == item)));
        var exact = await UploadAsync(secretary, otherItem, "满.bin", new byte[CommitmentEvidenceFile.MaxBytes]);
        Assert.Equal(HttpStatusCode.Created, exact.StatusCode);

        // Township B's admin: none of it is found, and nothing changes.
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(other, item, "乙.txt", bytes)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Items}/{item}/evidence/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync($"{Items}/{item}/progress", Progress([]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Items}/{item}")).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.CommitmentEvidenceFiles.CountAsync(f => f.CommitmentId == item)));
        Assert.Single((await (await secretary.GetAsync($"{Items}/{item}")).ReadAsync<CommitmentItemDetail>()).Progress);
    }

    [Fact]
    public async Task SupervisorComment_DemoSupervisorAccount_CommentsInTheNameOfItsRetiredCadre()
    {
        // The demo's supervisor account is the township's retired cadre on the roster, serving as its 履诺监督员: a comment
        // it writes without naming a supervisor is theirs.
        var t = await app.TownshipsAsync();
        var (_, ids) = await FulfillingAsync(t.A, await SecretarysMemberAsync(), Today.AddDays(30));
        var own = await app.WithDbAsync(db => db.CommitmentSupervisors.AsNoTracking()
            .Where(s => s.PersonId != null && s.PersonId == db.Users.Where(u => u.UserName == Demo.Supervisor).Select(u => u.PersonId).First())
            .Select(s => new { s.Id, s.Name, s.OrganizationId }).SingleAsync());
        Assert.Equal(t.A, own.OrganizationId);

        var supervisor = await app.ClientForAsync(Demo.Supervisor);
        var detail = await (await supervisor.PostJsonAsync($"{Items}/{ids[0]}/supervisor-comments", new SupervisorCommentRequest("实地查看，进展顺利。", false, null)))
            .ReadAsync<CommitmentItemDetail>();

        Assert.Equal((own.Id, own.Name), (Assert.Single(detail.SupervisorComments).SupervisorId, detail.SupervisorComments[0].SupervisorName));
    }

    [Fact]
    public async Task SupervisorComment_ServingSupervisor_Accepted_LaggingUntilNextProgress_EndedTermOrSiblingRefused()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var secretary = await app.ClientForAsync(Demo.Secretary);
        var (_, ids) = await FulfillingAsync(t.A, await SecretarysMemberAsync(), Today.AddDays(30));
        var item = ids[0];

        // A retired cadre on the township's roll, assigned today, signs in with an account linked to them.
        var cadre = await app.WithDbAsync(async db =>
        {
            var township = await db.Organizations.Where(o => o.Id == t.A).Select(o => o.Path).FirstAsync();
            return await db.People.Where(p => !p.IsRemoved && !db.Users.Any(u => u.PersonId == p.Id))
                .Join(db.Organizations.Where(o => o.Path.StartsWith(township)), p => p.OrganizationId, o => o.Id, (p, o) => p.Id)
                .OrderByDescending(id => id).FirstAsync();
        });
        var assigned = await (await admin.PostJsonAsync($"{CommitmentEndpoints.Route}/supervisors", new RegisterSupervisorRequest(t.A, cadre, null, SupervisorKind.RetiredCadre, Today)))
            .ReadAsync<SupervisorView>();
        Assert.True(assigned.ServingToday);
        Assert.False(string.IsNullOrEmpty(assigned.Name));
        var supervisor = await SupervisorAccountAsync(admin, t.A, cadre);

        var flagged = await (await supervisor.PostJsonAsync($"{Items}/{item}/supervisor-comments", new SupervisorCommentRequest("进度滞后，请尽快推进", true, null)))
            .ReadAsync<CommitmentItemDetail>();
        Assert.True(flagged.Lagging);
        Assert.Equal((assigned.Id, assigned.Name, true), (Assert.Single(flagged.SupervisorComments).SupervisorId, flagged.SupervisorComments[0].SupervisorName, flagged.SupervisorComments[0].Lagging));

        // Another comment without the flag keeps it; the next progress record clears it.
        var still = await (await supervisor.PostJsonAsync($"{Items}/{item}/supervisor-comments", new SupervisorCommentRequest("已提醒责任人", false, null))).ReadAsync<CommitmentItemDetail>();
        Assert.True(still.Lagging);
        var cleared = await (await secretary.PostJsonAsync($"{Items}/{item}/progress", Progress([]))).ReadAsync<CommitmentItemDetail>();
        Assert.False(cleared.Lagging);

        // The term ends today: the supervisor may no longer comment (400 naming supervisorId), and nothing is added.
        var ended = await (await admin.PostJsonAsync($"{CommitmentEndpoints.Route}/supervisors/{assigned.Id}/end", new EndSupervisorRequest(Today, assigned.Version))).ReadAsync<SupervisorView>();
        Assert.False(ended.ServingToday);
        var refused = await (await supervisor.PostJsonAsync($"{Items}/{item}/supervisor-comments", new SupervisorCommentRequest("继续督促", false, null))).ProblemErrorsAsync();
        Assert.Equal(["supervisorId"], refused.Keys);
        Assert.Equal(2, await app.WithDbAsync(db => db.SupervisorComments.CountAsync(c => c.CommitmentId == item)));

        // A paper comment entered by the township: by a supervisor of the item's branch, yes; of a sibling branch, no.
        var itemBranch = await app.WithDbAsync(db => db.People.Where(p => p.Id == db.Commitments.First(c => c.Id == item).OwnerPersonId).Select(p => p.OrganizationId).FirstAsync());
        var sibling = await app.WithDbAsync(db => db.Organizations.Where(o => o.ParentId == db.Organizations.First(x => x.Id == itemBranch).ParentId && o.Id != itemBranch)
            .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var ofBranch = await AssignAsync(admin, itemBranch, "李代表", SupervisorKind.ResidentRepresentative);
        var ofSibling = await AssignAsync(admin, sibling, "王代表", SupervisorKind.ResidentRepresentative);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Items}/{item}/supervisor-comments", new SupervisorCommentRequest("群众反映良好", false, ofBranch))).StatusCode);
        Assert.Equal(["supervisorId"], (await (await admin.PostJsonAsync($"{Items}/{item}/supervisor-comments", new SupervisorCommentRequest("越界", false, ofSibling))).ProblemErrorsAsync()).Keys);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Commitment.SupervisorCommented" && a.EntityId == Key(item))));

        // Township B: neither its admin's comments nor its supervisors reach township A's items.
        var other = await app.ClientForAsync(Demo.OrgAdminB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJsonAsync($"{Items}/{item}/supervisor-comments", new SupervisorCommentRequest("乙", true, ofBranch))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync($"{CommitmentEndpoints.Route}/supervisors", new RegisterSupervisorRequest(t.A, null, "乙", SupervisorKind.RetiredCadre, Today))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync($"{CommitmentEndpoints.Route}/supervisors/{ofBranch}/end", new EndSupervisorRequest(Today, 0))).StatusCode);
        Assert.DoesNotContain((await (await other.GetAsync($"{CommitmentEndpoints.Route}/supervisors")).ReadAsync<List<SupervisorView>>()), s => s.Id == ofBranch);
        Assert.Equal(3, await app.WithDbAsync(db => db.SupervisorComments.CountAsync(c => c.CommitmentId == item)));
    }

    [Fact]
    public async Task Reminders_DueInExactlyNDays_Included_NPlusOne_Not_YesterdayOverdue_LaggingMarked()
    {
        var t = await app.TownshipsAsync();
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        const int n = 3;
        var (campaign, ids) = await FulfillingAsync(t.A, await SecretarysMemberAsync(), Today.AddDays(n), Today.AddDays(n + 1), Today.AddDays(-1), Today);
        var assigned = await AssignAsync(admin, t.A, "周老", SupervisorKind.RetiredCadre);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostJsonAsync($"{Items}/{ids[2]}/supervisor-comments", new SupervisorCommentRequest("逾期未办", true, assigned))).StatusCode);

        var list = await (await admin.GetAsync($"{CommitmentEndpoints.Route}/{campaign}/reminders?days={n}")).ReadAsync<ReminderList>();
        var group = Assert.Single(list.Groups);
        Assert.Equal([ids[2], ids[3], ids[0]], group.Items.Select(i => i.Id));
        Assert.Equal([(true, -1, true), (false, 0, false), (false, n, false)], group.Items.Select(i => (i.Overdue, i.DaysLeft, i.Lagging)));
        var week = await (await admin.GetAsync($"{CommitmentEndpoints.Route}/{campaign}/reminders")).ReadAsync<ReminderList>();
        Assert.Equal((FulfilmentQueries.DefaultReminderDays, 4), (week.Days, week.Groups.Sum(g => g.Items.Count)));
        Assert.Equal(["days"], (await (await admin.GetAsync($"{CommitmentEndpoints.Route}/{campaign}/reminders?days=-1")).ProblemErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Demo.OrgAdminB)).GetAsync($"{CommitmentEndpoints.Route}/{campaign}/reminders")).StatusCode);
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static RecordProgressRequest Progress(IReadOnlyList<int> files) =>
        new(Today, "上门走访三户", "社区党支部", "张伟", "诉求已登记", files);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int item, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return await client.PostAsync($"{Items}/{item}/evidence", form);
    }

    private static async Task<int> AssignAsync(HttpClient admin, int organizationId, string name, SupervisorKind kind)
    {
        var response = await admin.PostJsonAsync($"{CommitmentEndpoints.Route}/supervisors", new RegisterSupervisorRequest(organizationId, null, name, kind, Today));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<SupervisorView>()).Id;
    }

    /// <summary>An account with the Supervisor role over the township, linked to <paramref name="personId"/>.</summary>
    private async Task<HttpClient> SupervisorAccountAsync(HttpClient admin, int township, int personId)
    {
        var name = Demo.UniqueCode("supervisor.").ToLowerInvariant();
        var response = await admin.PostJsonAsync("/api/v1/accounts", new CreateAccountRequest(
            name, "监督员", "pw" + Guid.NewGuid().ToString("N")[..12] + "7q", personId, [new GrantRequest(AccountRole.Supervisor, township)]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await app.ClientForAsync(name);
    }

    /// <summary>A member of the demo secretary's branch, whose items the secretary runs.</summary>
    private async Task<int> SecretarysMemberAsync() =>
        await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.Member).Select(u => u.PersonId!.Value).FirstAsync());

    /// <summary>A campaign of its own at 履, with one approved item of the member per deadline given.</summary>
    private async Task<(int Campaign, List<int> Items)> FulfillingAsync(int organizationId, int personId, params DateOnly[] deadlines) =>
        await app.WithDbAsync(async db =>
        {
            var campaign = new CommitmentCampaign { OrganizationId = organizationId };
            campaign.Describe(Today.Year, $"履诺测试{Demo.UniqueCode("")}");
            db.CommitmentCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            var items = deadlines.Select(d =>
            {
                var item = Commitment.ForMember(campaign, personId, new CommitmentContent("履诺测试事项", "每月推进", new DateOnly(Today.Year, 12, 31), "张伟"), Today);
                (item.Status, item.Deadline) = (CommitmentStatus.Approved, d);
                return item;
            }).ToList();
            campaign.Status = CommitmentCampaignStatus.Fulfilling;
            db.Commitments.AddRange(items);
            await db.SaveChangesAsync();
            return (campaign.Id, items.Select(i => i.Id).ToList());
        });
}

[Collection(SqliteCollection.Name)]
public sealed class FulfilmentSqliteTests(SqliteApp app) : FulfilmentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FulfilmentPostgresTests(PostgresApp app) : FulfilmentTests(app);
