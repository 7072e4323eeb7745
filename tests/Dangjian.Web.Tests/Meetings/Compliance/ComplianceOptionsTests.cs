using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;
using Dangjian.Web.Features.Meetings.Compliance;
using Microsoft.Extensions.Configuration;

namespace Dangjian.Web.Tests.Meetings.Compliance;

/// <summary>MTG-9's frequencies are rule data: the defaults unless Meetings:Compliance names others, which then replace them.</summary>
public sealed class ComplianceOptionsTests
{
    private static ComplianceOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ComplianceOptions.Section).Get<ComplianceOptions>() ?? new ComplianceOptions();

    [Fact]
    public void NoSettings_GiveTheDefaults()
    {
        var options = Bind([]);
        Assert.Same(ComplianceRules.Default, options.Rules());
        Assert.Null(options.StartsOn);
    }

    [Fact]
    public void Settings_ReplaceTheDefaults_AndSetTheStart()
    {
        var options = Bind(new()
        {
            ["Meetings:Compliance:StartsOn"] = "2026-03-01",
            ["Meetings:Compliance:Requirements:Branch:CommitteeMeeting"] = "Monthly",
            ["Meetings:Compliance:Requirements:Branch:OrganizationalLifeMeeting"] = "Yearly",
            ["Meetings:Compliance:Requirements:GeneralBranch:CommitteeMeeting"] = "Quarterly",
        });

        var rules = options.Rules();
        Assert.Equal(new DateOnly(2026, 3, 1), options.StartsOn);
        Assert.Equal(
            [new(MeetingType.CommitteeMeeting, MeetingFrequency.Monthly), new ComplianceRequirement(MeetingType.OrganizationalLifeMeeting, MeetingFrequency.Yearly)],
            rules.For(OrganizationKind.Branch));
        Assert.Equal([new ComplianceRequirement(MeetingType.CommitteeMeeting, MeetingFrequency.Quarterly)], rules.For(OrganizationKind.GeneralBranch));
        Assert.Empty(rules.For(OrganizationKind.PartyGroup));
    }
}
