using Dangjian.Domain.Common;
using Dangjian.Domain.Evaluations;

namespace Dangjian.Domain.Cadres;

/// <summary>A person's assessment grade for one year (年度考核等次), by the grade's name in the evaluations module.</summary>
public sealed record AnnualGrade(int Year, string Grade);

/// <summary>How the cadre rules accept a grade from the evaluations module: a sane year and a grade the grade list knows.</summary>
public static class CadreGrades
{
    /// <summary>The grade's name, trimmed; refused naming <c>year</c> or <c>grade</c>.</summary>
    public static string Demand(int year, string? grade, IReadOnlyList<GradeRule> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        if (year < SaneDates.MinDay.Year || year > SaneDates.MaxDay.Year)
        {
            throw new DomainRuleException("Input.OutOfRange", "year", "Field.Cadre.AssessmentYear", SaneDates.MinDay.Year, SaneDates.MaxDay.Year);
        }

        var name = TextInput.Required(grade, CampaignRules.MaxGradeNameLength, "grade", "Field.Cadre.Grade");
        return grades.Any(g => string.Equals(g.Name, name, StringComparison.Ordinal))
            ? name
            : throw new DomainRuleException("Cadre.GradeUnknown", "grade", name);
    }
}
