using Dangjian.Domain.Organizations;
using Dangjian.Domain.Reminders;
using Dangjian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dangjian.Web.Tests.Reminders;

/// <summary>
/// The outbox survives a restart: a message left pending by an app that stopped is sent by the next app on the same
/// database as soon as it starts (its background sender runs at start), once. On SQLite and PostgreSQL, each on a
/// database of its own with no demo district.
/// </summary>
public sealed class ReminderRestartTests
{
    [Fact]
    public Task Restart_SendsWhatWasPending_OnSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("dangjian-rem-").FullName;
        return RestartAsync("Sqlite", $"Data Source={Path.Combine(folder, "dangjian.db")}", () =>
        {
            SqliteCleanup.Delete(folder);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public Task Restart_SendsWhatWasPending_OnPostgres()
    {
        var database = "dangjian_test_" + Guid.NewGuid().ToString("N")[..12];
        return RestartAsync("Postgres", new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = database }.ConnectionString,
            () => PostgresServer.DropDatabaseAsync(database));
    }

    private static async Task RestartAsync(string provider, string connectionString, Func<Task> cleanup)
    {
        await using var robot = new LoopbackRobot();
        try
        {
            int personId;
            await using (var before = new RestartApp(provider, connectionString, null))
            {
                await before.InitializeAsync();
                personId = await before.WithDbAsync(async db =>
                {
                    var root = new Organization { Code = "REM", Name = "提醒测试区委", Kind = OrganizationKind.DistrictCommittee, Path = "/" };
                    db.Organizations.Add(root);
                    await db.SaveChangesAsync();
                    root.Path = OrganizationTree.PathOf(null, root.Id);
                    var person = new Dangjian.Domain.People.Person
                    {
                        Name = "陈静", Gender = Dangjian.Domain.People.Gender.Female, Status = Dangjian.Domain.People.MemberStatus.Full,
                        JoinedPartyOn = new DateOnly(2015, 7, 1), OrganizationId = root.Id,
                    };
                    db.People.Add(person);
                    await db.SaveChangesAsync();
                    db.OutboxMessages.Add(OutboxMessage.Enqueue("meeting:1:2026-12-08", ReminderChannel.Robot, person.Id, root.Id, "会议提醒", "请参加重启前排队的会议。", DateTimeOffset.UtcNow));
                    await db.SaveChangesAsync();
                    return person.Id;
                });
            }

            await using (var after = new RestartApp(provider, connectionString, robot.Url))
            {
                await after.InitializeAsync();
                var until = DateTime.UtcNow.AddSeconds(60);
                OutboxState state;
                do
                {
                    await Task.Delay(200);
                    state = await after.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientPersonId == personId).Select(m => m.State).SingleAsync());
                }
                while (state == OutboxState.Pending && DateTime.UtcNow < until);

                Assert.Equal(OutboxState.Sent, state);
                Assert.Single(robot.ReceivedWith("重启前排队的会议"));
            }
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>The app on the given database, no demo; with a robot URL its background planner and sender run.</summary>
    private sealed class RestartApp(string provider, string connectionString, string? robotUrl) : AppFixture
    {
        public override string ProviderName => provider;

        protected override string ConnectionString => connectionString;

        protected override bool Demo => false;

        protected override bool ReminderSettings => robotUrl is not null;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (robotUrl is not null)
            {
                builder.UseSetting("Reminders:Robot:Url", robotUrl);
                builder.UseSetting("Reminders:SendEverySeconds", "1");
            }
        }
    }
}
