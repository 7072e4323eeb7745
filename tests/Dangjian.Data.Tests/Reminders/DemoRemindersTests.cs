using Dangjian.Data.Tests.Demo;
using Dangjian.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Data.Tests.Reminders;

/// <summary>
/// The demo outbox: sent robot and e-mail reminders and one given up, nothing pending (a test's sender must never send
/// demo rows), each message once per key, channel and recipient, and e-mail only to people who chose it with an address.
/// </summary>
public sealed class DemoRemindersTests(SeededDistrictFixture district) : IClassFixture<SeededDistrictFixture>
{
    [Fact]
    public async Task Demo_Outbox_SentAndGivenUp_NothingPending_EmailOnlyToThoseWhoChoseIt()
    {
        await using var db = district.Database.Open();
        var messages = await db.OutboxMessages.AsNoTracking().ToListAsync();
        var preferences = await db.ReminderPreferences.AsNoTracking().ToDictionaryAsync(p => p.PersonId);

        Assert.NotEmpty(messages);
        Assert.DoesNotContain(messages, m => m.State == OutboxState.Pending);
        Assert.Contains(messages, m => m.State == OutboxState.Sent && m.Channel == ReminderChannel.Robot);
        Assert.Contains(messages, m => m.State == OutboxState.Sent && m.Channel == ReminderChannel.Email);
        Assert.Single(messages, m => m.State == OutboxState.Failed && m.Attempts == ReminderRules.MaxAttempts);
        Assert.Equal(messages.Count, messages.DistinctBy(m => (m.Key, m.Channel, m.RecipientPersonId)).Count());
        Assert.All(messages.Where(m => m.Channel == ReminderChannel.Email), m => Assert.True(preferences[m.RecipientPersonId].Wants(ReminderChannel.Email)));
        Assert.All(messages, m => Assert.Equal(ReminderRules.Clean(m.Body), m.Body));
    }
}
