using Dangjian.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Calendar;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(CalendarYear.MaxSourceLength);
        b.Property(y => y.Version).IsConcurrencyToken();
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength);
        b.Property(d => d.Version).IsConcurrencyToken();

        // One entry per date: a day cannot be both a holiday and a make-up workday, even under concurrent edits.
        b.HasIndex(d => d.Date).IsUnique();
        b.HasIndex(d => d.Year);
        b.HasOne<CalendarYear>().WithMany().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
    }
}
