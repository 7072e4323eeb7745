using System.Net;
using System.Text;
using Dangjian.Domain.Accounts;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Web.Features.Accounts;
using Dangjian.Web.Features.Reminders;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Tests.Reminders;

/// <summary>People, an account and meetings of a test's own; sender passes; the SMTP server of ./test.sh.</summary>
public static class ReminderTestKit
{
    public static Task<int> NewMemberAsync(this AppFixture app, int organizationId, string name) =>
        app.WithDbAsync(async db =>
        {
            var p = new Person
            {
                Name = name, Gender = Gender.Female, BirthDate = new DateOnly(1988, 3, 1), Status = MemberStatus.Full,
                JoinedPartyOn = new DateOnly(2012, 7, 1), OrganizationId = organizationId,
            };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    /// <summary>An account of the person (member of the organization), signed in.</summary>
    public static async Task<HttpClient> AccountForAsync(this AppFixture app, int organizationId, int personId)
    {
        var admin = await app.ClientForAsync(Demo.OrgAdminA);
        var userName = Demo.UniqueCode("rem.").ToLowerInvariant();
        var response = await admin.PostJsonAsync("/api/v1/accounts", new CreateAccountRequest(
            userName, "党员", "pw" + Guid.NewGuid().ToString("N")[..12] + "7q", personId, [new GrantRequest(AccountRole.Member, organizationId)]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await app.ClientForAsync(userName);
    }

    /// <summary>A 党员大会 of the organization <paramref name="days"/> days ahead with the people invited.</summary>
    public static Task<int> NewMeetingAsync(this AppFixture app, int organizationId, string title, int days, params int[] invited) =>
        app.WithDbAsync(async db =>
        {
            var today = OrgToday.Value;
            var m = new Meeting
            {
                OrganizationId = organizationId, Type = MeetingType.MembersAssembly, Title = title, Date = today.AddDays(days),
                NoticeDate = today.AddDays(-5), Status = MeetingStatus.Notified, CreatedAt = DateTimeOffset.UtcNow, Location = "村党群服务中心",
            };
            m.Participants.AddRange(invited.Select(p => new MeetingParticipant { PersonId = p, Entitled = true }));
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    /// <summary>Approved records of 集中学习培训 of the person, today, of these hours each (entered by the clerk).</summary>
    public static Task StudyHoursAsync(this AppFixture app, int personId, int organizationId, params decimal[] hours) =>
        app.WithDbAsync(async db =>
        {
            var today = OrgToday.Value;
            db.StudyRecords.AddRange(hours.Select(h => StudyRecord.Enter(
                personId, organizationId, new StudyRecordContent(StudyKind.Concentrated, Date: today, Hours: h, Topic: "党员集中轮训"),
                byClerk: true, StudyCredits.Defaults, "测试", DateTimeOffset.UtcNow, today)));
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>
    /// A 民主生活会 of the organization this year with one problem of the person and these rectification measures
    /// (measure, 责任人, deadline, status); their ids in order.
    /// </summary>
    public static Task<List<int>> RectificationsAsync(
        this AppFixture app, int organizationId, int personId, params (string Measure, string Owner, DateOnly Deadline, RectificationStatus Status)[] measures) =>
        app.WithDbAsync(async db =>
        {
            var today = OrgToday.Value;
            var meeting = new DemocraticLifeMeeting
            {
                OrganizationId = organizationId, Year = today.Year, Theme = "深入学习贯彻党的创新理论", PlannedDate = today.AddDays(-20),
                HeldDate = today.AddDays(-20), Status = DemocraticLifeStatus.Held,
            };
            var problem = new DemocraticLifeProblem { PersonId = personId, Kind = ProblemKind.SelfCriticism, Text = "联系群众不够紧密" };
            problem.Rectifications.AddRange(measures.Select(m => new DemocraticLifeRectification
            {
                Measure = m.Measure, Owner = m.Owner, Deadline = m.Deadline, Status = m.Status,
                DoneOn = m.Status == RectificationStatus.Done ? today : null, Evidence = m.Status == RectificationStatus.Done ? "整改台账" : null,
            }));
            meeting.Problems.Add(problem);
            db.DemocraticLifeMeetings.Add(meeting);
            await db.SaveChangesAsync();
            return problem.Rectifications.Select(r => r.Id).ToList();
        });

    public static ReminderOptions Reminders(this AppFixture app) => app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;

    /// <summary>One sender pass, as the background service runs it.</summary>
    public static async Task<int> SendDueAsync(this AppFixture app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync();
    }

    /// <summary>Sender passes until one sends nothing: every message due goes, however many other tests left pending.</summary>
    public static async Task SendAllDueAsync(this AppFixture app)
    {
        while (await app.SendDueAsync() > 0)
        {
        }
    }

    /// <summary>The SMTP server ./test.sh starts (aiosmtpd writing a maildir): host, port and the maildir.</summary>
    public static (string Host, int Port, string Maildir) Smtp()
    {
        var server = Environment.GetEnvironmentVariable("DANGJIAN_TEST_SMTP");
        var maildir = Environment.GetEnvironmentVariable("DANGJIAN_TEST_SMTP_MAILDIR");
        if (string.IsNullOrEmpty(server) || string.IsNullOrEmpty(maildir))
        {
            throw new InvalidOperationException(
                "DANGJIAN_TEST_SMTP (host:port) and DANGJIAN_TEST_SMTP_MAILDIR are not set: run ./test.sh, which starts a local SMTP server " +
                "(python3 -m aiosmtpd -c aiosmtpd.handlers.Mailbox DIR), or start one and set both.");
        }

        var colon = server.LastIndexOf(':');
        return (server[..colon], int.Parse(server[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), maildir);
    }

    /// <summary>The mails in the maildir whose text contains <paramref name="marker"/>.</summary>
    public static async Task<List<string>> MailsWithAsync(string maildir, string marker, int expected, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            var found = new List<string>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(maildir, "new")).Concat(Directory.EnumerateFiles(Path.Combine(maildir, "cur"))))
            {
                var text = await File.ReadAllTextAsync(file);
                if (Decoded(text).Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(Decoded(text));
                }
            }

            if (found.Count >= expected || DateTime.UtcNow > until)
            {
                return found;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A mail's headers and its body decoded (MailKit writes non-ASCII text as base64 or quoted-printable).</summary>
    private static string Decoded(string raw)
    {
        var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
        return $"Message-ID: <{message.MessageId}>\nSubject: {message.Subject}\nTo: {message.To}\n\n{message.TextBody}";
    }
}
