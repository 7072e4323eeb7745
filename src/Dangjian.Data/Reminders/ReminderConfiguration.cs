using Dangjian.Domain.People;
using Dangjian.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Reminders;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Property(m => m.Key).HasMaxLength(OutboxMessage.MaxKeyLength);
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        b.Property(m => m.Body).HasMaxLength(OutboxMessage.MaxBodyLength);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);

        // Once only: a planning pass that runs twice, or two instances planning at once, insert the same message and the
        // second insert fails here; the planner skips it.
        b.HasIndex(m => new { m.Key, m.Channel, m.RecipientPersonId }).IsUnique();

        // The sender looks for pending messages; /reminders lists an organization's newest first.
        b.HasIndex(m => new { m.State, m.NextAttemptAt });
        b.HasIndex(m => new { m.OrganizationId, m.Id });
        b.HasIndex(m => new { m.RecipientPersonId, m.Id });
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.RecipientPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Email).HasMaxLength(ReminderPreference.MaxEmailLength);
        b.HasIndex(p => p.PersonId).IsUnique();
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
