using System.Globalization;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Evaluations;

/// <summary>
/// The composite assessment (综合考核, EVA-6, EVA-2, EVA-3), exactly as the contract of `dangjian evaluation score` states it:
/// <list type="number">
/// <item>a response's score is the weighted sum over dimensions (德、能、勤、绩、廉、学) of the scale values of its ratings;</item>
/// <item>a group's score is the mean of its responses;</item>
/// <item>the democratic score (民主测评) is the weighted mean of the group scores over the groups that have responses,
/// their weights re-normalized; a subject with no responses at all scores 0;</item>
/// <item>the composite is the component-weighted sum of achievement (实绩), democratic and inspection (组织考察);</item>
/// <item>the grade is the first, in the given order, whose <c>min</c> the composite reaches; then each grade with a
/// quota is kept by at most floor(quota × number of subjects), by composite descending, a tie across the limit moving
/// down whole, cascading into the next grade's quota (<see cref="GradeQuota"/>);</item>
/// <item>a vetoed subject (一票否决, seed 000 四: 中心任务完成…社会治安稳定) gets the veto grade whatever its score and
/// takes no quota place.</item>
/// </list>
/// All arithmetic is <c>decimal</c> in full precision and ties are exact comparisons; rounding to 2 decimals (half away
/// from zero) is for output only (<see cref="Round"/>). Pure: the same subjects and responses in any order give the same result.
/// </summary>
public static class EvaluationScoring
{
    /// <summary>Every way the input is malformed, each naming its field; empty when it can be scored.</summary>
    public static IReadOnlyList<ContractError> Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ContractError>();

        var scale = new HashSet<string>(StringComparer.Ordinal);
        if (input.Scale.Count == 0)
        {
            errors.Add(new("scale", "the scale needs at least one level"));
        }

        foreach (var level in input.Scale)
        {
            if (string.IsNullOrWhiteSpace(level.Label))
            {
                errors.Add(new("scale", "a scale label is empty"));
            }
            else if (!scale.Add(level.Label))
            {
                errors.Add(new($"scale.{level.Label}", $"the scale label \"{level.Label}\" is given twice"));
            }
        }

        CheckWeights("dimensions", input.Dimensions, errors);
        CheckWeights("groups", input.Groups, errors);
        var c = input.Components;
        CheckWeights(
            "components",
            [new("achievement", c.Achievement), new("democratic", c.Democratic), new("inspection", c.Inspection)],
            errors);

        CheckGrades(input, errors);

        var dimensions = input.Dimensions.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var groups = input.Groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < input.Subjects.Count; s++)
        {
            var subject = input.Subjects[s];
            var at = $"subjects[{s}]";
            if (string.IsNullOrWhiteSpace(subject.Name))
            {
                errors.Add(new($"{at}.name", "a subject's name is empty"));
            }
            else if (!names.Add(subject.Name))
            {
                errors.Add(new($"{at}.name", $"the subject \"{subject.Name}\" is listed twice"));
            }

            for (var r = 0; r < subject.Responses.Count; r++)
            {
                var response = subject.Responses[r];
                var rat = $"{at}.responses[{r}]";
                if (!groups.Contains(response.Group))
                {
                    errors.Add(new($"{rat}.group", $"unknown group \"{response.Group}\" (not among groups)"));
                }

                foreach (var d in input.Dimensions.Where(d => !response.Ratings.ContainsKey(d.Name)))
                {
                    errors.Add(new($"{rat}.ratings.{d.Name}", $"the rating for dimension \"{d.Name}\" is missing"));
                }

                foreach (var (dimension, label) in response.Ratings)
                {
                    if (!dimensions.Contains(dimension))
                    {
                        errors.Add(new($"{rat}.ratings.{dimension}", $"unknown dimension \"{dimension}\" (not among dimensions)"));
                    }
                    else if (!scale.Contains(label))
                    {
                        errors.Add(new($"{rat}.ratings.{dimension}", $"\"{label}\" is not on the scale ({string.Join(", ", input.Scale.Select(l => l.Label))})"));
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>Scores and grades every subject; the input must pass <see cref="Check"/>.</summary>
    /// <exception cref="ArgumentException">The input is malformed (the message lists every problem).</exception>
    public static ScoringResult Score(ScoringInput input)
    {
        var errors = Check(input);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "malformed scoring input: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(input));
        }

        var scale = input.Scale.ToDictionary(l => l.Label, l => l.Value, StringComparer.Ordinal);
        var scored = input.Subjects.Select(s =>
        {
            var groups = GroupScores(input, scale, s);
            var democratic = Democratic(input.Groups, groups);
            var c = input.Components;
            var composite = (c.Achievement * s.Achievement) + (c.Democratic * democratic) + (c.Inspection * s.Inspection);
            return (Subject: s, Groups: groups, Democratic: democratic, Composite: composite, Threshold: ThresholdGrade(input.Grades, composite));
        }).ToList();

        // "at most floor(quota × number of subjects)": the number of subjects is every subject in the input, vetoed ones
        // included (the contract counts subjects, not graded subjects); a vetoed subject only takes no place.
        var limits = input.Grades.Select(g => g.Places(input.Subjects.Count)).ToList();
        var graded = scored.Where(x => !x.Subject.Veto).ToList();
        var placements = GradeQuota.Apply(limits, graded.Select(x => (x.Composite, x.Threshold)).ToList());
        var placed = new Dictionary<string, QuotaPlacement>(StringComparer.Ordinal);
        for (var i = 0; i < graded.Count; i++)
        {
            placed[graded[i].Subject.Name] = placements[i];
        }

        var ordered = scored
            .OrderByDescending(x => x.Composite)
            .ThenBy(x => x.Subject.Name, StringComparer.Ordinal)
            .ToList();
        return new(ordered.Select(x =>
        {
            var rank = 1 + scored.Count(o => o.Composite > x.Composite); // equal composites share a rank: 1, 2, 2, 4
            var vetoed = x.Subject.Veto;
            var placement = vetoed ? default : placed[x.Subject.Name];
            return new SubjectScore(
                x.Subject.Name,
                x.Democratic,
                x.Composite,
                input.Grades[x.Threshold].Name,
                vetoed ? input.VetoGrade : input.Grades[placement.Grade].Name,
                rank,
                vetoed,
                !vetoed && placement.DemotedByQuota,
                x.Groups);
        }).ToList());
    }

    /// <summary>
    /// The ties the grade quota moved down across its line (<see cref="GradeQuota.Ties"/>), named as a results page shows
    /// them: from the subjects as scored (<paramref name="subjects"/>: every subject, a vetoed one taking no place but
    /// counting towards the places, as in <see cref="Score"/>), each tie with the grade it missed and the grade it got.
    /// </summary>
    public static IReadOnlyList<GradeTie> Ties(IReadOnlyList<EvaluationGrade> grades, IReadOnlyList<(string Name, decimal Composite, string ThresholdGrade, bool Vetoed)> subjects)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(subjects);
        var index = grades.Select((g, i) => (g.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var graded = subjects.Where(s => !s.Vetoed && index.ContainsKey(s.ThresholdGrade)).ToList();
        if (grades.Count == 0 || grades[^1].Quota is not null)
        {
            return [];
        }

        var limits = grades.Select(g => g.Places(subjects.Count)).ToList();
        return GradeQuota.Ties(limits, graded.Select(s => (s.Composite, index[s.ThresholdGrade])).ToList())
            .Select(t => new GradeTie(
                grades[t.Grade].Name, grades[t.Grade + 1].Name, t.Score,
                [.. t.Candidates.Select(i => graded[i].Name).Order(StringComparer.Ordinal)], t.Places, t.Kept))
            .ToList();
    }

    /// <summary>A response's score: the weighted sum over dimensions of its ratings' scale values.</summary>
    public static decimal ResponseScore(IReadOnlyList<NamedWeight> dimensions, IReadOnlyDictionary<string, decimal> scale, EvaluationResponse response)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(response);
        return dimensions.Sum(d => d.Weight * scale[response.Ratings[d.Name]]);
    }

    /// <summary>The output rounding of the contract: 2 decimals, half away from zero, trailing zeros dropped (91.20 → 91.2, 92.00 → 92).</summary>
    public static decimal Round(decimal value)
    {
        var rounded = decimal.Round(value, 2, MidpointRounding.AwayFromZero);
        return decimal.Parse(rounded.ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static List<GroupScore> GroupScores(ScoringInput input, Dictionary<string, decimal> scale, ScoringSubject subject) =>
        input.Groups.Select(g =>
        {
            // Sums of scale values × weights are exact in decimal, so the order of responses cannot change the mean.
            var scores = subject.Responses.Where(r => r.Group == g.Name).Select(r => ResponseScore(input.Dimensions, scale, r)).ToList();
            return new GroupScore(g.Name, scores.Count, scores.Count == 0 ? null : scores.Sum() / scores.Count);
        }).ToList();

    /// <summary>
    /// The weighted mean of group scores over the groups with responses, their weights re-normalized; 0 without any
    /// response. Groups that responded but all weigh 0 have nothing to re-normalize: that also scores 0.
    /// </summary>
    private static decimal Democratic(IReadOnlyList<NamedWeight> weights, List<GroupScore> groups)
    {
        decimal weighted = 0, total = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Score is { } score)
            {
                weighted += weights[i].Weight * score;
                total += weights[i].Weight;
            }
        }

        return total == 0 ? 0 : weighted / total;
    }

    /// <summary>The first grade whose min the composite reaches; below every min (possible only when the last min is above 0), the last grade.</summary>
    private static int ThresholdGrade(IReadOnlyList<EvaluationGrade> grades, decimal composite)
    {
        for (var g = 0; g < grades.Count; g++)
        {
            if (composite >= grades[g].Min)
            {
                return g;
            }
        }

        return grades.Count - 1;
    }

    private static void CheckWeights(string field, IReadOnlyList<NamedWeight> weights, List<ContractError> errors)
    {
        if (weights.Count == 0)
        {
            errors.Add(new(field, $"{field} needs at least one entry"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in weights)
        {
            if (string.IsNullOrWhiteSpace(w.Name))
            {
                errors.Add(new(field, $"a name in {field} is empty"));
            }
            else if (!seen.Add(w.Name))
            {
                errors.Add(new($"{field}.{w.Name}", $"\"{w.Name}\" is given twice"));
            }

            if (w.Weight < 0)
            {
                errors.Add(new($"{field}.{w.Name}", $"a weight may not be negative (is {w.Weight.ToString(CultureInfo.InvariantCulture)})"));
            }
        }

        var sum = weights.Sum(w => w.Weight);
        if (Math.Abs(sum - 1) > EvaluationWeights.Tolerance)
        {
            errors.Add(new(field, $"the weights of {field} sum to {sum.ToString(CultureInfo.InvariantCulture)}, not 1 (within {EvaluationWeights.Tolerance.ToString(CultureInfo.InvariantCulture)})"));
        }
    }

    private static void CheckGrades(ScoringInput input, List<ContractError> errors)
    {
        var grades = input.Grades;
        if (grades.Count == 0)
        {
            errors.Add(new("grades", "at least one grade is needed"));
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < grades.Count; g++)
        {
            var at = $"grades[{g}]";
            if (string.IsNullOrWhiteSpace(grades[g].Name))
            {
                errors.Add(new($"{at}.name", "a grade's name is empty"));
            }
            else if (!names.Add(grades[g].Name))
            {
                errors.Add(new($"{at}.name", $"the grade \"{grades[g].Name}\" is listed twice"));
            }

            // Strictly descending: a grade with the same min as the one before could never be reached.
            if (g > 0 && grades[g].Min >= grades[g - 1].Min)
            {
                errors.Add(new($"{at}.min", $"grades must be in descending min order ({grades[g].Min.ToString(CultureInfo.InvariantCulture)} is not below {grades[g - 1].Min.ToString(CultureInfo.InvariantCulture)})"));
            }

            if (grades[g].QuotaDivisor < 1)
            {
                errors.Add(new($"{at}.quota", "a quota's divisor is a whole number of at least 1"));
            }

            if (grades[g].Quota is { } q)
            {
                if (q < 0 || q > grades[g].QuotaDivisor)
                {
                    errors.Add(new($"{at}.quota", $"a quota is a share between 0 and 1 (is {q.ToString(CultureInfo.InvariantCulture)})"));
                }
                else if (g == grades.Count - 1)
                {
                    errors.Add(new($"{at}.quota", "the last grade may not carry a quota (there is no grade below to move down to)"));
                }
            }
        }

        if (!names.Contains(input.VetoGrade))
        {
            errors.Add(new("vetoGrade", $"the veto grade \"{input.VetoGrade}\" is not among grades"));
        }
    }
}
