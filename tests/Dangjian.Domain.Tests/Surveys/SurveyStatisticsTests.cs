using Dangjian.Domain.Common;
using Dangjian.Domain.Surveys;

namespace Dangjian.Domain.Tests.Surveys;

public sealed class SurveyStatisticsTests
{
    private static readonly QuestionSpec Single = new(1, 1, QuestionKind.SingleChoice, "总体评价", true, ["很满意", "满意", "不满意"], null, null);
    private static readonly QuestionSpec Multiple = new(2, 2, QuestionKind.MultipleChoice, "方面", false, ["学习", "服务", "宣传"], 2, null);
    private static readonly QuestionSpec Rating = new(3, 3, QuestionKind.Rating, "打分", true, [], null, 5);
    private static readonly QuestionSpec Text = new(4, 4, QuestionKind.Text, "建议", false, [], null, null);
    private static readonly QuestionSpec[] All = [Single, Multiple, Rating, Text];

    private static Dictionary<int, Answer> R(int single, int[]? picks = null, int? rating = 3, string? text = null)
    {
        var r = new Dictionary<int, Answer> { [1] = Answer.Choice(single) };
        if (picks is not null)
        {
            r[2] = Answer.Choice(picks);
        }

        if (rating is { } v)
        {
            r[3] = Answer.Rated(v);
        }

        if (text is not null)
        {
            r[4] = Answer.Written(text);
        }

        return r;
    }

    [Fact]
    public void Compute_SeedLikeCounts_PercentOfRespondentsRoundedHalfAwayFromZero()
    {
        // 125 of 722 picked 很满意: 17.313…% shows as 17.3 (seed S3's "125 很满意 17.3%").
        var responses = Enumerable.Range(0, 722).Select(i => (IReadOnlyDictionary<int, Answer>)R(i < 125 ? 0 : i < 700 ? 1 : 2)).ToList();
        var q = SurveyStatistics.Compute(All, responses).Questions[0];
        Assert.Equal([125, 575, 22], q.Options.Select(o => o.Count));
        Assert.Equal(["17.3", "79.6", "3.0"], q.Options.Select(o => SurveyStatistics.Display(o.Percent)));
    }

    [Fact]
    public void Display_HalfwayValues_RoundAwayFromZero()
    {
        Assert.Equal("12.5", SurveyStatistics.Display(SurveyStatistics.Percent(1, 8)));
        Assert.Equal("0.1", SurveyStatistics.Display(0.05m));
        Assert.Equal("0.0", SurveyStatistics.Display(0.0499m));
        Assert.Equal("0.0", SurveyStatistics.Display(SurveyStatistics.Percent(0, 0)));
        Assert.Equal("2.35", SurveyStatistics.DisplayMean(2.345m));
    }

    [Fact]
    public void Compute_MultipleChoice_PercentOfThoseWhoAnswered_MayExceedHundredInTotal()
    {
        IReadOnlyDictionary<int, Answer>[] responses = [R(0, [0, 1]), R(0, [0]), R(1, [1, 2]), R(2)];
        var q = SurveyStatistics.Compute(All, responses).Questions[1];
        Assert.Equal(3, q.Answered);
        Assert.Equal([2, 2, 1], q.Options.Select(o => o.Count));
        Assert.Equal(["66.7", "66.7", "33.3"], q.Options.Select(o => SurveyStatistics.Display(o.Percent)));
        Assert.True(q.Options.Sum(o => o.Percent) > 100m);
    }

    [Fact]
    public void Compute_Rating_MeanAndDistribution_TextsListed()
    {
        IReadOnlyDictionary<int, Answer>[] responses = [R(0, rating: 5, text: "好"), R(0, rating: 4), R(1, rating: 4, text: "  多组织学习 "), R(2, rating: 1)];
        var stats = SurveyStatistics.Compute(All, responses);
        Assert.Equal(4, stats.Respondents);
        Assert.Equal(3.5m, stats.Questions[2].RatingMean);
        Assert.Equal([1, 0, 0, 2, 1], stats.Questions[2].RatingDistribution);
        Assert.Equal(["好", "多组织学习"], stats.Questions[3].Texts);
        Assert.Null(SurveyStatistics.Compute(All, []).Questions[2].RatingMean);
    }

    [Fact]
    public void Cross_MultipleByRowAgainstSingleColumns_CountsAndRowPercents()
    {
        IReadOnlyDictionary<int, Answer>[] responses = [R(0, [0, 1]), R(0, [0]), R(1, [0, 2]), R(2, [1]), R(2)];
        var cross = SurveyStatistics.Cross(Multiple, Single, responses);
        Assert.Equal([2, 1, 0], cross.Rows[0].Counts);
        Assert.Equal(3, cross.Rows[0].Total);
        Assert.Equal(["66.7", "33.3", "0.0"], cross.Rows[0].Percents.Select(SurveyStatistics.Display));
        Assert.Equal([1, 0, 1], cross.Rows[1].Counts);
        Assert.Equal([0, 1, 0], cross.Rows[2].Counts);
        Assert.Equal([2, 1, 1], cross.ColumnTotals);
    }

    [Fact]
    public void Cross_ColumnNotSingleChoice_OrSameQuestion_Refused()
    {
        Assert.Equal("Survey.CrossTabColumnNotSingle", Assert.Throws<DomainRuleException>(() => SurveyStatistics.Cross(Single, Multiple, [])).Code);
        Assert.Equal("Survey.CrossTabRowNotChoice", Assert.Throws<DomainRuleException>(() => SurveyStatistics.Cross(Rating, Single, [])).Code);
        Assert.Equal("Survey.CrossTabSameQuestion", Assert.Throws<DomainRuleException>(() => SurveyStatistics.Cross(Single, Single, [])).Code);
    }
}

public sealed class SurveyAnswersTests
{
    private static readonly QuestionSpec Single = new(1, 1, QuestionKind.SingleChoice, "评价", true, ["满意", "基本满意", "不满意"], null, null);
    private static readonly QuestionSpec Multiple = new(2, 2, QuestionKind.MultipleChoice, "方面", false, ["甲", "乙", "丙", "丁"], 2, null);
    private static readonly QuestionSpec Rating = new(3, 3, QuestionKind.Rating, "打分", false, [], null, 5);
    private static readonly QuestionSpec Text = new(4, 4, QuestionKind.Text, "建议", false, [], null, null);
    private static readonly QuestionSpec[] All = [Single, Multiple, Rating, Text];

    private static IReadOnlyList<AnswerError> Check(params (int Id, Answer Answer)[] answers) =>
        SurveyAnswers.Check(All, answers.ToDictionary(a => a.Id, a => a.Answer));

    [Fact]
    public void Check_MaxPicks_AtLimitAccepted_AboveRefused()
    {
        Assert.Empty(Check((1, Answer.Choice(0)), (2, Answer.Choice(0, 3))));
        var error = Assert.Single(Check((1, Answer.Choice(0)), (2, Answer.Choice(0, 1, 2))));
        Assert.Equal(new object[] { 2, 2 }, error.Arguments);
        Assert.Equal(("Answer.TooManyPicks", 2), (error.Code, error.QuestionId));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Check_Rating_OneToScale(int rating, bool valid)
    {
        var errors = Check((1, Answer.Choice(0)), (3, Answer.Rated(rating)));
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal("Answer.RatingRange", e.Code));
    }

    [Fact]
    public void Check_Required_Missing_NamesTheQuestion()
    {
        var error = Assert.Single(Check((4, Answer.Written("   "))));
        Assert.Equal(("Answer.Required", 1), (error.Code, error.QuestionId));
    }

    [Fact]
    public void Check_Choices_OnlyExistingOptions_OneForSingleChoice()
    {
        Assert.Equal("Answer.NoSuchOption", Assert.Single(Check((1, Answer.Choice(3)))).Code);
        Assert.Equal("Answer.NoSuchOption", Assert.Single(Check((1, Answer.Choice(-1)))).Code);
        Assert.Equal("Answer.OneOnly", Assert.Single(Check((1, Answer.Choice(0, 1)))).Code);
        Assert.Equal("Answer.NoSuchOption", Assert.Single(Check((1, Answer.Choice(0)), (2, Answer.Choice(1, 1)))).Code);
        Assert.Equal("Answer.NoSuchQuestion", Assert.Single(Check((1, Answer.Choice(0)), (9, Answer.Choice(0)))).Code);
    }

    [Fact]
    public void Check_Text_AtMostMaxLength()
    {
        Assert.Empty(Check((1, Answer.Choice(0)), (4, Answer.Written(new string('字', SurveyAnswers.MaxTextLength)))));
        Assert.Equal("Answer.TextTooLong", Assert.Single(Check((1, Answer.Choice(0)), (4, Answer.Written(new string('字', SurveyAnswers.MaxTextLength + 1))))).Code);
    }

    [Fact]
    public void Write_ThenParse_RoundTrips_InQuestionOrder_WithSortedPicks()
    {
        var answers = new Dictionary<int, Answer> { [4] = Answer.Written(" 建议 "), [2] = Answer.Choice(3, 0), [1] = Answer.Choice(2) };
        var content = SurveyAnswers.Write(All, answers);
        Assert.Equal("{\"q1\":[2],\"q2\":[0,3],\"q4\":\"建议\"}", content);
        var parsed = SurveyAnswers.Parse(content);
        Assert.Equal([2], parsed[1].Picks);
        Assert.Equal([0, 3], parsed[2].Picks);
        Assert.Equal("建议", parsed[4].Text);
        Assert.False(parsed.ContainsKey(3));
    }

    [Fact]
    public void Survey_AcceptsAnswers_UntilClosingTimeAndQuota()
    {
        var now = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var survey = new Survey { Status = SurveyStatus.Open, ClosesAt = now, Quota = 3 };
        Assert.True(survey.AcceptsAnswers(now.AddTicks(-1), 2));
        Assert.False(survey.AcceptsAnswers(now, 2));
        Assert.False(survey.AcceptsAnswers(now.AddTicks(-1), 3));
        Assert.True(survey.IsDueToClose(now, 0));
        Assert.False(new Survey { Status = SurveyStatus.Draft }.AcceptsAnswers(now, 0));
    }
}
