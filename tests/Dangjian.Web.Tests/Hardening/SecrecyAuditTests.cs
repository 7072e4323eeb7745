using System.Buffers;
using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dangjian.Data.Secrecy;
using Dangjian.Domain.Evaluations;
using Dangjian.Domain.Secrecy;
using Dangjian.Domain.Surveys;
using Dangjian.Web.Features.Commitments;
using Dangjian.Web.Features.Commitments.Opinions;
using Dangjian.Web.Features.Supervision.Reports;
using Dangjian.Web.Tests.Elections.Voting;
using Dangjian.Web.Tests.Evaluations;
using Dangjian.Web.Tests.Infrastructure;
using Dangjian.Web.Tests.Meetings.DemocraticLife;
using Dangjian.Web.Tests.Meetings.Minutes;
using Dangjian.Web.Tests.Supervision;
using Dangjian.Web.Tests.Surveys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dangjian.Web.Tests.Hardening;

/// <summary>
/// Issue 18 "Secrecy audit" (DESIGN.md "Secrecy"): after the six anonymous channels of the system — an electronic election,
/// an evaluation campaign, a survey with codes, the DLM opinion form, the commitments suggestion box and the report box —
/// have each taken submissions and been closed (or, for the report box, had its nightly erase), the whole database is read
/// as someone holding a copy of it would: every column of every table (from the schema, never a hand-kept list), the
/// SQLite file's bytes, write-ahead log and free pages, PostgreSQL's raw heap pages and dead tuples; and every line the
/// app logged meanwhile. Nothing may pair a voter (address, browser), a code (plaintext or its hash), an account or a
/// cast time with a ballot, response, opinion or report. The per-module tests (VotingSecrecyTests, SurveySecrecyTests,
/// ReportBoxAnonymityTests, CommitmentOpinionTests, DemocraticLifeTests) check each channel alone; this one checks them
/// together, so one channel's rows cannot leak through another's tables or closing.
/// </summary>
public abstract partial class SecrecyAuditTests(AppFixture app)
{
    /// <summary>The tables holding secret rows; each is checked for what its columns could pair a row with.</summary>
    private static readonly string[] SecretRowTables = ["SecretBallots", "DemocraticLifeOpinions", "CommitmentOpinions", "ReportBoxCases"];

    /// <summary>
    /// The columns a secret row may have. A ballot: its box, content, receipt and a random id (no code, person, account or
    /// time). An opinion: its form, kind, text, day and a random id; a name only when staff record a named one.
    /// </summary>
    private static readonly Dictionary<string, string[]> AllowedColumns = new(StringComparer.Ordinal)
    {
        ["SecretBallots"] = ["BoxKey", "Content", "Id", "Receipt"],
        ["DemocraticLifeOpinions"] = ["Id", "MeetingId", "ReceivedOn", "Source", "SubmitterName", "Text"],
        ["CommitmentOpinions"] = ["CampaignId", "Channel", "Id", "ReceivedOn", "SubmitterName", "Text"],
    };

    [Fact]
    public async Task SixAnonymousChannels_AfterClosing_NoTableFileOrLogLinePairsAVoterCodeAccountAddressOrTimeWithASecret()
    {
        var t = await app.TownshipsAsync();
        var staff = await app.ClientForAsync(Demo.OrgAdminA);
        var probe = Guid.NewGuid().ToString("N")[..10];
        var logLinesBefore = app.Logs.Lines.Count;
        var s = new Secrets();
        var phones = 0;

        // Each submitter comes from an address and a browser of its own, as people on their phones do.
        HttpClient NewPhone()
        {
            var n = Interlocked.Increment(ref phones);
            var address = $"198.51.100.{100 + n}";
            var agent = $"SecrecyAuditPhone/{probe}-{n}";
            s.Identities.Add(address);
            s.Identities.Add(agent);
            var phone = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            phone.DefaultRequestHeaders.Add(TestPeer.Header, address);
            phone.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
            return phone;
        }

        // 1. An electronic election: 4 of 6 codes cast, through the slip's QR link then the form.
        var round = await app.RoundAsync(seats: 3);
        var electionCodes = await app.IssueCodesAsync(round.Id, 6);
        for (var i = 0; i < 4; i++)
        {
            var phone = NewPhone();
            Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/vote/{round.Id}?code={electionCodes[i]}")).StatusCode);
            string[] marks = [i % 2 == 0 ? "for" : "against", "for", "abstain", "abstain", "against"]; // two seats of three marked: room for a write-in
            var (status, body) = await VotingSetup.VoteAsync(phone, round.Id, electionCodes[i], marks, $"写入{probe}{i}");
            Assert.Equal(HttpStatusCode.OK, status);
            s.Receipts.Add(VotingSetup.Receipt(body)!);
            s.UniqueTexts.Add($"写入{probe}{i}");
        }

        s.AddCodes(round.BoxKey, electionCodes, used: 4);

        // 2. An evaluation campaign: 3 of 4 codes of its first group answered.
        var campaign = await app.OpenCampaignAsync();
        var group = campaign.Groups[0];
        var evaluationCodes = await app.IssueAsync(group.Id, 4);
        for (var i = 0; i < 3; i++)
        {
            var (status, body) = await EvaluationSetup.AnswerAsync(NewPhone(), group.Id, evaluationCodes[i], EvaluationSetup.AllRated(campaign));
            Assert.Equal(HttpStatusCode.OK, status);
            s.Receipts.Add(EvaluationSetup.Receipt(body)!);
        }

        s.AddCodes(EvaluationGroup.BoxKeyFor(group.Id), evaluationCodes, used: 3);

        // 3. A survey answered with 3 of 4 codes, with a written answer each.
        var survey = await staff.SurveyAsync(t.A, SurveyAccess.AccessCodes);
        var surveyCodes = await SurveySetup.IssueCodesAsync(staff, survey.Id, 4);
        for (var i = 0; i < 3; i++)
        {
            var text = $"问卷秘密{probe}{i}";
            var (status, _) = await NewPhone().AnswerAsync(survey, surveyCodes[i], (1, (i % 3).ToString(CultureInfo.InvariantCulture)), (3, "4"), (4, text));
            Assert.Equal(HttpStatusCode.OK, status);
            s.UniqueTexts.Add(text);
        }

        s.AddCodes(Survey.BoxKeyFor(survey.Id), surveyCodes, used: 3);

        // 4. The DLM opinion form of a meeting: 3 opinions.
        var branch = await app.DlmBranchAsync();
        var dlm = await staff.CreateMeetingAsync(branch, OrgToday.Value.Year, OrgToday.Value.AddDays(14));
        var dlmToken = DlmSetup.TokenOf(dlm.OpinionLink);
        for (var i = 0; i < 3; i++)
        {
            var text = $"生活会意见{probe}{i}：希望班子多下村听意见";
            Assert.Equal(HttpStatusCode.OK, (await NewPhone().SubmitOpinionAsync(dlmToken, "Resident", text)).Status);
            s.UniqueTexts.Add(text);
        }

        // 5. The suggestion box of a commitments campaign (定): 3 suggestions.
        var created = await staff.PostJsonAsync(CommitmentEndpoints.Route, new CreateCommitmentCampaignRequest(t.A, OrgToday.Value.Year, $"{OrgToday.Value.Year}年公开承诺{Demo.UniqueCode("")}", null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var commitments = await created.ReadAsync<CommitmentCampaignView>();
        var suggestPath = OpinionEndpoints.SuggestPath(commitments.Id);
        for (var i = 0; i < 3; i++)
        {
            var text = $"意见箱建议{probe}{i}：楼道路灯坏了";
            var phone = NewPhone();
            var form = await (await phone.GetAsync(suggestPath)).Content.ReadAsStringAsync();
            var antiforgery = Http.AntiforgeryToken(form);
            var posted = await phone.PostAsync(suggestPath, new FormUrlEncodedContent([new("_handler", "suggestion"), new("__RequestVerificationToken", antiforgery), new("text", text)]));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            s.UniqueTexts.Add(text);
        }

        // 6. The report box: 2 reports, from behind the known proxy, so the forwarded address is the one the app sees.
        var reportOrg = await app.NewOrganizationAsync(t.A);
        for (var i = 0; i < 2; i++)
        {
            var forwarded = $"203.0.113.{150 + i}";
            var agent = $"SecrecyAuditReporter/{probe}-{i}";
            var phone = app.ReportPhone(AppFixture.KnownProxy);
            phone.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
            phone.DefaultRequestHeaders.Add("X-Forwarded-For", forwarded);
            var content = $"举报标记{probe}{i}：某村书记虚报冒领补助。";
            var (_, secret) = await phone.FiledAsync(reportOrg, content, "周某");
            s.Identities.AddRange([forwarded, agent]);
            s.Codes.AddRange([secret, secret.Replace("-", string.Empty, StringComparison.Ordinal)]); // the follow-up secret is the reporter's code
            s.UniqueTexts.Add(content);
        }

        // The ids the secret rows had while their boxes and forms were open, before the closes gave them new ones.
        var boxKeys = s.BoxKeys;
        s.IdsWhileOpen.AddRange(await app.WithDbAsync(db => db.SecretBallots.AsNoTracking().Where(b => boxKeys.Contains(b.BoxKey)).Select(b => b.Id).ToListAsync()));
        s.IdsWhileOpen.AddRange(await app.WithDbAsync(db => db.DemocraticLifeOpinions.AsNoTracking().Where(o => o.MeetingId == dlm.Meeting.Id).Select(o => o.Id).ToListAsync()));
        Assert.Equal(4 + 3 + 3 + 3, s.IdsWhileOpen.Count);

        // Closing, as staff do: each rewrites its rows and erases the database's history of their inserts.
        await app.CloseBoxAsync(round);
        await app.CloseAsync(campaign);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/surveys/{survey.Id}/close", null)).StatusCode);
        await staff.HoldAsync(await staff.GetMeetingAsync(dlm.Meeting.Id));
        var secrecy = app.Services.GetRequiredService<SecrecyOptions>();
        // The box closes when the campaign leaves 定; that step needs a member's commitments first, so the test runs the
        // closing it does (CommitmentOpinionTests covers the step itself).
        Assert.Equal(3, await app.WithDbAsync(db => SuggestionBoxClosing.CloseAsync(db, secrecy, commitments.Id, CancellationToken.None)));
        // The report box never closes: its history is erased every night (ReportBoxHistory), run here as the night would.
        await app.WithDbAsync(async db =>
        {
            await ReportBoxHistory.EraseAsync(db, secrecy, CancellationToken.None);
            return 0;
        });

        // The secret rows as they are now.
        var ballots = await app.WithDbAsync(db => db.SecretBallots.AsNoTracking().Where(b => boxKeys.Contains(b.BoxKey)).ToListAsync());
        Assert.Equal(4 + 3 + 3, ballots.Count);
        Assert.All(s.Receipts, r => Assert.Contains(ballots, b => b.Receipt == r)); // each acknowledged cast is counted
        s.SecretIds.AddRange(ballots.Select(b => b.Id));
        s.Contents.AddRange(ballots.Select(b => b.Content));
        s.SecretIds.AddRange(await app.WithDbAsync(db => db.DemocraticLifeOpinions.AsNoTracking().Where(o => o.MeetingId == dlm.Meeting.Id).Select(o => o.Id).ToListAsync()));
        s.SecretIds.AddRange(await app.WithDbAsync(db => db.CommitmentOpinions.AsNoTracking().Where(o => o.CampaignId == commitments.Id).Select(o => o.Id).ToListAsync()));
        var reportMarker = "举报标记" + probe;
        var reportIds = await app.WithDbAsync(db => db.ReportBoxCases.AsNoTracking().Where(c => c.Content.StartsWith(reportMarker)).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, reportIds.Count);
        s.SecretIds.AddRange(reportIds);
        Assert.DoesNotContain(s.IdsWhileOpen, s.SecretIds.Contains); // every closed row has an id it did not have while open

        var connectionString = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await CheckTablesAsync(s);
        if (app.ProviderName == "Sqlite")
        {
            await CheckSqliteFilesAsync(connectionString, s);
        }
        else
        {
            await CheckPostgresPagesAsync(connectionString, s, boxKeys, dlm.Meeting.Id, commitments.Id);
        }

        // Every line the app logged meanwhile, at its configured levels, with its structured values: no code or hash, no
        // voter's address or browser, no secret row's id, receipt, content or text — so no line pairs a cast (its time is
        // the line's) with a voter or a ballot.
        // (At the Testing environment's levels the flows may log nothing; the check then holds trivially, and holds for
        // whatever a lower level or a new log line adds.)
        var lines = app.Logs.Lines.Skip(logLinesBefore).Select(l => l.Text).ToList();
        var logSecrets = SearchValues.Create([.. s.Codes, .. s.Hashes, .. s.Identities, .. s.Receipts, .. s.Contents, .. s.UniqueTexts, .. s.IdTexts], StringComparison.OrdinalIgnoreCase);
        Assert.All(lines, line => Assert.True(line.AsSpan().IndexOfAny(logSecrets) < 0, $"a secret in the log: {line}"));

    }

    /// <summary>Every column of every table, read as text.</summary>
    private async Task CheckTablesAsync(Secrets s)
    {
        await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                var tables = await RawDatabase.TablesAsync(conn, app.ProviderName);
                Assert.True(tables.Count > 50, $"only {tables.Count} tables found");
                Assert.All(SecretRowTables.Concat(SecretTables.BallotTables).Append("AuditLog"), x => Assert.Contains(x, tables));

                // The secret tables' columns: a ballot's or opinion's row names no code, person, account or address and
                // holds no instant (a day at most for an opinion or report), so no column pairs it with a voter or a time.
                foreach (var table in SecretRowTables)
                {
                    var columns = await ColumnsAsync(conn, table);
                    if (AllowedColumns.TryGetValue(table, out var allowed))
                    {
                        Assert.Equal(allowed, columns.Select(c => c.Name).Order(StringComparer.Ordinal));
                    }

                    Assert.DoesNotContain(columns, c => IdentifyingColumn().IsMatch(c.Name));
                    Assert.DoesNotContain(columns, c => c.Type.Contains("time", StringComparison.OrdinalIgnoreCase)); // PostgreSQL: no timestamp column
                }

                var codes = SearchValues.Create([.. s.Codes], StringComparison.OrdinalIgnoreCase);
                var identities = SearchValues.Create([.. s.Identities], StringComparison.OrdinalIgnoreCase);
                var usedHashes = SearchValues.Create([.. s.UsedHashes], StringComparison.OrdinalIgnoreCase);
                var unusedHashes = SearchValues.Create([.. s.UnusedHashes], StringComparison.OrdinalIgnoreCase);
                var oldIds = SearchValues.Create([.. s.IdsWhileOpen.Select(Text)], StringComparison.OrdinalIgnoreCase);
                var secretRows = SearchValues.Create([.. s.IdTexts, .. s.Receipts, .. s.UniqueTexts], StringComparison.OrdinalIgnoreCase);
                var contents = s.Contents.ToHashSet(StringComparer.Ordinal);
                var secretRowsSeen = 0;
                foreach (var table in tables)
                {
                    foreach (var columns in await RowsAsync(conn, table))
                    {
                        foreach (var (column, value) in columns)
                        {
                            var where = $"{table}.{column}";
                            var span = value.AsSpan();

                            // No code in clear anywhere (stored only as a salted hash), nor a reporter's follow-up secret.
                            Assert.True(span.IndexOfAny(codes) < 0, $"a code in clear in {where}");
                            // No submitter's address or browser anywhere: nothing can pair a person's device with a submission.
                            Assert.True(span.IndexOfAny(identities) < 0, $"a submitter's address or browser in {where}");
                            // A used code's hash only among the spent codes, which hold the box and the hash and name no
                            // ballot: so no row pairs a used code with a ballot. An unused one only among the unused codes.
                            Assert.True(table == "SpentAccessCodes" || span.IndexOfAny(usedHashes) < 0, $"a used code's hash in {where}");
                            Assert.True(table == "UnusedAccessCodes" || span.IndexOfAny(unusedHashes) < 0, $"an unused code's hash in {where}");
                            // The ids the rows had while open (which the order of casting could be read from) are nowhere.
                            Assert.True(span.IndexOfAny(oldIds) < 0, $"an id a secret row had while open in {where}");
                        }

                        if (SecretRowTables.Contains(table))
                        {
                            // A secret row itself: no time of day in any of its values (a day at most).
                            if (columns.Any(c => c.Value.AsSpan().IndexOfAny(secretRows) >= 0))
                            {
                                secretRowsSeen++;
                                Assert.DoesNotContain(columns, c => TimeOfDay().IsMatch(c.Value));
                            }

                            continue;
                        }

                        // Any other row: it holds no secret row's id, receipt, content or text — so no row of another table
                        // (the audit log with its times and accounts, the codes, the people) sits next to one.
                        Assert.False(columns.Any(c => c.Value.AsSpan().IndexOfAny(secretRows) >= 0 || contents.Contains(c.Value)),
                            $"a secret row's id, receipt or text in {table}: {string.Join("; ", columns.Select(c => $"{c.Name}={Shorten(c.Value)}"))}");
                    }
                }

                Assert.Equal(4 + 3 + 3 + 3 + 3 + 2, secretRowsSeen); // the scan read where the secrets are
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return 0;
        });
    }

    /// <summary>
    /// SQLite: the main file and the write-ahead log as the app left them, then the main file after a checkpoint, its free
    /// pages read one by one from the freelist.
    /// </summary>
    private async Task CheckSqliteFilesAsync(string connectionString, Secrets s)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        Assert.Equal("UTF-8", await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT encoding AS \"Value\" FROM pragma_encoding").SingleAsync()));
        // The app's connections zero what they delete (SqliteSecureDelete): a deleted code or ballot leaves no bytes behind.
        Assert.Equal(1L, await app.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT secure_delete AS \"Value\" FROM pragma_secure_delete").SingleAsync()));

        var asLeft = new[] { (Where: file, Bytes: await RawDatabase.ReadSharedAsync(file)), (Where: file + "-wal", Bytes: await RawDatabase.ReadSharedIfExistsAsync(file + "-wal")) };
        foreach (var (where, bytes) in asLeft)
        {
            // No code in clear, no submitter's address or browser, no id a secret row had while open: not in a live row,
            // a stale cell, a free page or a log frame of either file.
            AssertNone(bytes, [.. s.Codes, .. s.Identities, .. s.IdsWhileOpen.SelectMany(IdForms)], where);
        }

        // The last close emptied the log (VACUUM, then a TRUNCATE checkpoint that must succeed): what it holds now is only
        // written after, and none of it is a secret row.
        AssertNone(asLeft[1].Bytes, [.. s.Receipts, .. s.UniqueTexts, .. s.SecretIds.SelectMany(IdForms)], asLeft[1].Where);

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var main = await RawDatabase.ReadSharedAsync(file);
        // Each written answer, opinion and report is in the file once: no stale copy of it is left anywhere, in a live page
        // or a free one, that its place or neighbours could date.
        Assert.All(s.UniqueTexts, text => Assert.True(Occurrences(main, text) == 1, $"{text} is {Occurrences(main, text)} times in the file"));
        AssertNone(main, [.. s.Codes, .. s.Identities, .. s.IdsWhileOpen.SelectMany(IdForms)], file + " after a checkpoint");

        // The free pages (the freelist's trunk pages and the leaves they list): nothing of a secret row in any.
        int pageSize = BinaryPrimitives.ReadUInt16BigEndian(main.AsSpan(16, 2));
        pageSize = pageSize == 1 ? 65536 : pageSize;
        var freeCount = BinaryPrimitives.ReadUInt32BigEndian(main.AsSpan(36, 4));
        var free = new List<uint>();
        for (var trunk = BinaryPrimitives.ReadUInt32BigEndian(main.AsSpan(32, 4)); trunk != 0 && free.Count < freeCount;)
        {
            free.Add(trunk);
            var page = main.AsSpan((int)(trunk - 1) * pageSize, pageSize);
            var leaves = BinaryPrimitives.ReadUInt32BigEndian(page[4..]);
            for (var i = 0; i < leaves; i++)
            {
                free.Add(BinaryPrimitives.ReadUInt32BigEndian(page[(8 + (4 * i))..]));
            }

            trunk = BinaryPrimitives.ReadUInt32BigEndian(page);
        }

        Assert.Equal(freeCount, (uint)free.Count);
        foreach (var number in free)
        {
            var page = main.AsSpan((int)(number - 1) * pageSize, pageSize).ToArray();
            AssertNone(page, [.. s.Receipts, .. s.UniqueTexts, .. s.Contents, .. s.UsedHashes, .. s.SecretIds.SelectMany(IdForms)], $"free page {number}");
        }
    }

    /// <summary>
    /// PostgreSQL: the raw heap pages of the secret tables and the audit log (pageinspect, which ./test.sh's server has),
    /// dead tuples included; and each closed set of rows written by one transaction.
    /// </summary>
    private async Task CheckPostgresPagesAsync(string connectionString, Secrets s, IReadOnlyList<string> boxKeys, int meetingId, int campaignId)
    {
        await using var c = new Npgsql.NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using (var ext = new Npgsql.NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pageinspect", c))
        {
            await ext.ExecuteNonQueryAsync();
        }

        foreach (var table in SecretRowTables.Union(SecretTables.BallotTables))
        {
            // No dead tuple (a deleted code, a ballot's or opinion's version from before the close) is left in the pages:
            // a dead tuple keeps its transaction ids, which would pair a used code with the ballot inserted beside it.
            Assert.Equal(0L, await ScalarAsync<long>(c, $"""
                SELECT count(*) FROM generate_series(0, (pg_relation_size('"{table}"') / current_setting('block_size')::int)::int - 1) b,
                  LATERAL heap_page_items(get_raw_page('"{table}"', b)) i
                WHERE i.lp_flags <> 1 OR i.t_xmax <> '0'
                """));
        }

        // Every closed set of rows is of one transaction (the rewrite): no row's xmin keeps the commit, and so the time
        // and the batch, it was cast in.
        foreach (var key in boxKeys)
        {
            Assert.Equal(1L, await ScalarAsync<long>(c, $"SELECT count(DISTINCT xmin::text) FROM \"SecretBallots\" WHERE \"BoxKey\" = '{key}'"));
        }

        Assert.Equal(1L, await ScalarAsync<long>(c, $"SELECT count(DISTINCT xmin::text) FROM \"DemocraticLifeOpinions\" WHERE \"MeetingId\" = {meetingId}"));
        Assert.Equal(1L, await ScalarAsync<long>(c, $"SELECT count(DISTINCT xmin::text) FROM \"CommitmentOpinions\" WHERE \"CampaignId\" = {campaignId}"));
        Assert.Equal(1L, await ScalarAsync<long>(c, "SELECT count(DISTINCT xmin::text) FROM \"ReportBoxCases\""));

        var pages = new List<(string Where, byte[] Bytes)>();
        foreach (var table in SecretRowTables.Union(SecretTables.BallotTables).Append("AuditLog"))
        {
            var blocks = await ScalarAsync<int>(c, $"SELECT (pg_relation_size('\"{table}\"') / current_setting('block_size')::int)::int");
            for (var b = 0; b < blocks; b++)
            {
                await using var page = new Npgsql.NpgsqlCommand($"SELECT get_raw_page('\"{table}\"', {b})", c);
                pages.Add(($"{table} block {b}", (byte[])(await page.ExecuteScalarAsync())!));
            }
        }

        Assert.Contains(pages, p => Contains(p.Bytes, s.UniqueTexts[0])); // the scan reads where the secrets are
        foreach (var (where, bytes) in pages)
        {
            AssertNone(bytes, [.. s.Codes, .. s.Identities, .. s.IdsWhileOpen.SelectMany(IdForms)], where);
            if (where.StartsWith("AuditLog", StringComparison.Ordinal))
            {
                // Not even a dead or old version of an audit row names a secret row.
                AssertNone(bytes, [.. s.Receipts, .. s.UniqueTexts, .. s.SecretIds.SelectMany(IdForms)], where);
            }
        }
    }

    /// <summary>What was submitted and what identifies who submitted it, as the flows collect them.</summary>
    private sealed class Secrets
    {
        public List<string> Codes { get; } = [];

        public List<string> UsedHashes { get; } = [];

        public List<string> UnusedHashes { get; } = [];

        public IEnumerable<string> Hashes => UsedHashes.Concat(UnusedHashes);

        public List<string> BoxKeys { get; } = [];

        public List<string> Identities { get; } = [];

        public List<string> Receipts { get; } = [];

        public List<string> Contents { get; } = [];

        public List<string> UniqueTexts { get; } = [];

        public List<Guid> IdsWhileOpen { get; } = [];

        public List<Guid> SecretIds { get; } = [];

        public IEnumerable<string> IdTexts => SecretIds.Concat(IdsWhileOpen).Select(Text);

        /// <summary>A box's codes, in clear and as shown on the slips, and their hashes: the first <paramref name="used"/> were used.</summary>
        public void AddCodes(string boxKey, IReadOnlyList<string> codes, int used)
        {
            BoxKeys.Add(boxKey);
            Codes.AddRange(codes.Concat(codes.Select(AccessCode.Display)));
            UsedHashes.AddRange(codes.Take(used).Select(c => AccessCode.Hash(boxKey, c)));
            UnusedHashes.AddRange(codes.Skip(used).Select(c => AccessCode.Hash(boxKey, c)));
        }
    }

    private static string Text(Guid id) => id.ToString();

    /// <summary>A Guid as it may be stored: text (either case, which the byte search needs apart) and PostgreSQL's uuid bytes.</summary>
    private static IEnumerable<byte[]> IdForms(Guid id) =>
        [Encoding.UTF8.GetBytes(id.ToString()), Encoding.UTF8.GetBytes(id.ToString().ToUpperInvariant()), id.ToByteArray(bigEndian: true), id.ToByteArray()];

    private static void AssertNone(byte[] haystack, IEnumerable<object> needles, string where)
    {
        foreach (var needle in needles)
        {
            var bytes = needle as byte[] ?? Encoding.UTF8.GetBytes((string)needle);
            Assert.True(haystack.AsSpan().IndexOf(bytes) < 0, $"{(needle is string text ? text : Convert.ToHexString(bytes))} in {where}");
        }
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static int Occurrences(byte[] haystack, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var count = 0;
        for (var span = haystack.AsSpan(); span.IndexOf(needle) is var at and >= 0; span = span[(at + needle.Length)..])
        {
            count++;
        }

        return count;
    }

    private static async Task<T> ScalarAsync<T>(Npgsql.NpgsqlConnection c, string sql)
    {
        await using var cmd = new Npgsql.NpgsqlCommand(sql, c);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private async Task<List<(string Name, string Type)>> ColumnsAsync(DbConnection conn, string table)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = app.ProviderName == "Sqlite"
            ? $"SELECT name, type FROM pragma_table_info('{table}')"
            : $"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'";
        var columns = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            columns.Add((r.GetString(0), r.GetString(1)));
        }

        return columns;
    }

    /// <summary>Every row of a table: each non-null column as text (binary both as hex and as UTF-8).</summary>
    private static async Task<List<List<(string Name, string Value)>>> RowsAsync(DbConnection conn, string table)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT * FROM \"{table}\"";
        var rows = new List<List<(string, string)>>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var columns = new List<(string, string)>();
            for (var i = 0; i < r.FieldCount; i++)
            {
                if (await r.IsDBNullAsync(i))
                {
                    continue;
                }

                columns.Add((r.GetName(i), r.GetValue(i) switch
                {
                    byte[] bytes => Convert.ToHexString(bytes) + " " + Encoding.UTF8.GetString(bytes),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
                }));
            }

            rows.Add(columns);
        }

        return rows;
    }

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;

    /// <summary>A column that would name who or what submitted a row, or where from.</summary>
    [GeneratedRegex("Person|User|Account|Voter|Code|^Ip|Ip[A-Z]|Address|Agent|Device|Token|Session|Cookie")]
    private static partial Regex IdentifyingColumn();

    [GeneratedRegex(@"\d{1,2}:\d{2}")]
    private static partial Regex TimeOfDay();
}

[Collection(SqliteCollection.Name)]
public sealed class SecrecyAuditSqliteTests(SqliteApp app) : SecrecyAuditTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SecrecyAuditPostgresTests(PostgresApp app) : SecrecyAuditTests(app);

/// <summary>
/// The report box (the cheapest of the six channels) with the app logging at Debug for every category — EF Core's commands
/// with their SQL, ASP.NET Core's routing, antiforgery, forwarded headers and authentication — as an operator chasing a
/// fault might set it: a report is filed from behind the known proxy and followed up with its secret, and no line logged
/// meanwhile holds the reporter's address, browser or secret, nor the report's content — so none pairs them. EF Core logs
/// each command's text with its parameters as placeholders: the app never enables sensitive data logging (HostSetup),
/// which <see cref="ReportBox_AtDebugForEveryCategory_NoLogLineHoldsTheReportersAddressBrowserOrSecretOrTheContent"/>
/// proves by the INSERT it finds logged without its values.
/// </summary>
public sealed class SecrecyAuditDebugLogTests(DebugLoggingSqliteApp app) : IClassFixture<DebugLoggingSqliteApp>
{
    [Fact]
    public async Task ReportBox_AtDebugForEveryCategory_NoLogLineHoldsTheReportersAddressBrowserOrSecretOrTheContent()
    {
        var t = await app.TownshipsAsync();
        var reportOrg = await app.NewOrganizationAsync(t.A);
        var probe = Guid.NewGuid().ToString("N")[..10];
        var forwarded = "203.0.113.77";
        var agent = $"DebugLogReporter/{probe}";
        var content = $"举报调试{probe}：某村会计挪用集体资金。";
        app.Debug.Capturing = true;

        var phone = app.ReportPhone(AppFixture.KnownProxy);
        phone.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        phone.DefaultRequestHeaders.Add("X-Forwarded-For", forwarded);
        var (caseNumber, secret) = await phone.FiledAsync(reportOrg, content, "李某");
        var (status, followed) = await phone.FollowAsync(caseNumber, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-status=", followed, StringComparison.Ordinal); // the follow-up found the case by its secret
        app.Debug.Capturing = false;

        var lines = app.Debug.Lines.ToList();
        // The level took: EF Core's Debug lines are there, and the report's INSERT is logged, its values as placeholders.
        Assert.Contains(lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Debug && l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Debug && l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.Contains("INSERT INTO \"ReportBoxCases\"", StringComparison.Ordinal));
        string[] secrets = [content, probe, forwarded, agent, secret, secret.Replace("-", string.Empty, StringComparison.Ordinal)];
        Assert.All(lines, l => Assert.True(!secrets.Any(s => l.Text.Contains(s, StringComparison.OrdinalIgnoreCase)), $"a secret in the log ({l.Category}, {l.Level}): {l.Text}"));
    }
}

/// <summary>
/// A SQLite app of its own whose log capture (<see cref="DebugCapture"/>) takes every category at Debug: a rule for that
/// provider alone, so the console keeps its configured levels and the demo seed is not logged (the capture drops lines
/// until a test turns it on).
/// </summary>
public sealed class DebugLoggingSqliteApp : SqliteApp
{
    public DebugCapture Debug { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Debug).AddFilter<DebugCapture>(null, Microsoft.Extensions.Logging.LogLevel.Debug));
    }
}

/// <summary>Keeps what the app logs while <see cref="Capturing"/>, with each line's structured values (as <see cref="LogCapture"/>).</summary>
public sealed class DebugCapture : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LogLine> _lines = new();

    private volatile bool _capturing;

    /// <summary>Whether lines are kept (off while the app starts and seeds the demo).</summary>
    public bool Capturing
    {
        get => _capturing;
        set => _capturing = value;
    }

    public IReadOnlyCollection<LogLine> Lines => _lines;

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, DebugCapture capture) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel != Microsoft.Extensions.Logging.LogLevel.None;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!capture.Capturing)
            {
                return;
            }

            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            capture._lines.Enqueue(new LogLine(category, logLevel, $"{formatter(state, exception)} {values} {exception}"));
        }
    }
}
