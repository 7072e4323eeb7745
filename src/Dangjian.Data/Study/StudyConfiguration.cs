using Dangjian.Domain.Organizations;
using Dangjian.Domain.People;
using Dangjian.Domain.Study;
using Dangjian.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Data.Study;

/// <summary>
/// Hours, scores and credits are exact decimals on both providers (the compliance rule counts them exactly, never in
/// binary floating point): hours and scores to the hundredth, credits to four places (a rate per hour times hours).
/// </summary>
internal static class StudyNumbers
{
    public static PropertyBuilder<T> Hours<T>(this PropertyBuilder<T> property) => property.HasPrecision(9, 2);

    public static PropertyBuilder<T> Score<T>(this PropertyBuilder<T> property) => property.HasPrecision(9, 2);

    public static PropertyBuilder<T> Credits<T>(this PropertyBuilder<T> property) => property.HasPrecision(14, 4);
}

internal sealed class StudyRecordConfiguration : IEntityTypeConfiguration<StudyRecord>
{
    public void Configure(EntityTypeBuilder<StudyRecord> b)
    {
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.Hours).Hours();
        b.Property(r => r.Topic).HasMaxLength(StudyRecord.MaxTopicLength);
        b.Property(r => r.Notes).HasMaxLength(StudyRecord.MaxNotesLength);
        b.Property(r => r.ReturnReason).HasMaxLength(StudyRecord.MaxReasonLength);
        b.Property(r => r.EnteredBy).HasMaxLength(StudyRecord.MaxNameLength);
        b.Property(r => r.DecidedBy).HasMaxLength(StudyRecord.MaxNameLength);

        // The list and the approval queue read an organization's records by status; /me and compliance one person's.
        b.HasIndex(r => new { r.OrganizationId, r.Status });
        b.HasIndex(r => r.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // A record earned by attending a menu course or giving a lecture names it (one per person and course, one per lecture).
        b.HasIndex(r => new { r.MenuCourseId, r.PersonId }).IsUnique();
        b.HasIndex(r => r.TheoryLectureId).IsUnique();
        b.HasOne<MenuCourse>().WithMany().HasForeignKey(r => r.MenuCourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Lecture).WithMany().HasForeignKey(r => r.TheoryLectureId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.IsEditable);
        b.Ignore(r => r.Days);
        b.Ignore(r => r.Time);
    }
}

internal sealed class StudyExamHistoryConfiguration : IEntityTypeConfiguration<StudyExamHistory>
{
    public void Configure(EntityTypeBuilder<StudyExamHistory> b)
    {
        b.Property(h => h.Version).IsConcurrencyToken();

        // One history per person: the whole record of their exams.
        b.HasIndex(h => h.PersonId).IsUnique();
        b.HasIndex(h => h.OrganizationId);
        b.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(h => h.Exams).WithOne().HasForeignKey(e => e.HistoryId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(h => h.Taken);
    }
}

internal sealed class StudyExamResultConfiguration : IEntityTypeConfiguration<StudyExamResult>
{
    public void Configure(EntityTypeBuilder<StudyExamResult> b)
    {
        b.Property(e => e.Score).Score();
        b.Property(e => e.RecordedBy).HasMaxLength(StudyExamHistory.MaxNameLength);
        b.HasIndex(e => new { e.HistoryId, e.Date });
    }
}

internal sealed class StudyInspectionConfiguration : IEntityTypeConfiguration<StudyInspection>
{
    public void Configure(EntityTypeBuilder<StudyInspection> b)
    {
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Property(i => i.InspectorName).HasMaxLength(StudyInspection.MaxNameLength);
        b.HasIndex(i => new { i.OrganizationId, i.Kind, i.Date });
        b.HasIndex(i => i.InspectorOrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.InspectorOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Findings).WithOne().HasForeignKey(f => f.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(i => i.Period);
    }
}

internal sealed class StudyInspectionFindingConfiguration : IEntityTypeConfiguration<StudyInspectionFinding>
{
    public void Configure(EntityTypeBuilder<StudyInspectionFinding> b)
    {
        b.Property(f => f.Text).HasMaxLength(StudyInspectionFinding.MaxTextLength);

        // One finding per person and inspection (StudyInspection.AddFinding), kept by the database too.
        b.HasIndex(f => new { f.InspectionId, f.PersonId }).IsUnique();
        b.HasIndex(f => f.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CourseMenuConfiguration : IEntityTypeConfiguration<CourseMenu>
{
    public void Configure(EntityTypeBuilder<CourseMenu> b)
    {
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.OrganizationId, m.Year });
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Courses).WithOne().HasForeignKey(c => c.MenuId).OnDelete(DeleteBehavior.Restrict);

        // A leader's new picks replace their earlier ones (CourseMenu.Pick removes them from the menu): a pick taken off
        // the menu is deleted with it, not left behind without a menu.
        b.HasMany(m => m.Picks).WithOne().HasForeignKey(p => p.MenuId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MenuCourseConfiguration : IEntityTypeConfiguration<MenuCourse>
{
    public void Configure(EntityTypeBuilder<MenuCourse> b)
    {
        // The key is made by the entity (picks name a course before the menu is saved), never by the database.
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Title).HasMaxLength(MenuCourse.MaxTitleLength);
        b.Property(c => c.Teacher).HasMaxLength(MenuCourse.MaxTeacherLength);
        b.Property(c => c.Hours).Hours();
        b.HasIndex(c => c.MenuId);
    }
}

internal sealed class CoursePickConfiguration : IEntityTypeConfiguration<CoursePick>
{
    public void Configure(EntityTypeBuilder<CoursePick> b)
    {
        // A course is picked once by a person (CourseMenu.Pick takes distinct courses).
        b.HasIndex(p => new { p.MenuId, p.PersonId, p.CourseId }).IsUnique();
        b.HasIndex(p => p.PersonId);
        b.HasIndex(p => p.CourseId);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MenuCourse>().WithMany().HasForeignKey(p => p.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TheoryLectureConfiguration : IEntityTypeConfiguration<TheoryLecture>
{
    public void Configure(EntityTypeBuilder<TheoryLecture> b)
    {
        b.Property(l => l.Version).IsConcurrencyToken();
        b.Property(l => l.Topic).HasMaxLength(TheoryLecture.MaxTopicLength);
        b.Property(l => l.Hours).Hours();
        b.HasIndex(l => new { l.OrganizationId, l.PlannedOn });
        b.HasIndex(l => l.PersonId);
        b.HasIndex(l => l.SurveyId);
        b.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Survey>().WithMany().HasForeignKey(l => l.SurveyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StudyRankingRoundConfiguration : IEntityTypeConfiguration<StudyRankingRound>
{
    public void Configure(EntityTypeBuilder<StudyRankingRound> b)
    {
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Property(r => r.ConfirmedBy).HasMaxLength(StudyRankingRound.MaxNameLength);
        b.HasIndex(r => new { r.OrganizationId, r.Year, r.Half });
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.Period);
    }
}

internal sealed class StudyRankingLineConfiguration : IEntityTypeConfiguration<StudyRankingLine>
{
    public void Configure(EntityTypeBuilder<StudyRankingLine> b)
    {
        b.Property(l => l.Name).HasMaxLength(StudyRankingLine.MaxNameLength);
        b.Property(l => l.ClassName).HasMaxLength(StudyRankingLine.MaxClassLength);
        b.Property(l => l.Credits).Credits();
        b.Property(l => l.ExamScore).Score();

        // Each person once in a round (StudyRankingRound.Propose refuses one ranked twice).
        b.HasIndex(l => new { l.RoundId, l.PersonId }).IsUnique();
        b.HasIndex(l => l.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
