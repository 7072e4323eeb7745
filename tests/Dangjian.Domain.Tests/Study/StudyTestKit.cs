using System.Globalization;
using Dangjian.Domain.Common;

namespace Dangjian.Domain.Tests.Study;

/// <summary>What the study entities' tests share: a day from its text, and a refusal's code and field.</summary>
internal static class StudyTestKit
{
    public static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    public static DomainRuleException Refused(Action act) => Assert.Throws<DomainRuleException>(act);

    public static (string Code, string Field) Pair(DomainRuleException e) => (e.Code, e.Field);
}
