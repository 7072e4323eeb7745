using Dangjian.Domain.Common;
using Dangjian.Domain.Elections;
using Dangjian.Domain.Meetings;
using Dangjian.Domain.Organizations;

namespace Dangjian.Domain.Cadres.Selection;

/// <summary>
/// What a selection case may link in other modules (CAD-3): the meeting recommendation is a recommendation round (推荐票)
/// of the elections module, and the decision (讨论决定) an agenda item of a cadre matter that its meeting adopted, held by
/// the vacancy's organization or one above it. 《党政领导干部选拔任用工作条例》第四十九条 puts cadre appointments to the
/// party committee's meeting with two thirds of its members present (the meetings module applies that quorum to
/// cadre items: an item decided without it is not adopted).
/// </summary>
public static class SelectionLinks
{
    /// <summary>Refuses a round that is not a recommendation round.</summary>
    public static void DemandRecommendationRound(ElectionMode mode)
    {
        if (mode != ElectionMode.Recommendation)
        {
            throw new DomainRuleException("Selection.NotARecommendationRound", "recommendationRoundId");
        }
    }

    /// <summary>
    /// Refuses an agenda item that cannot carry the decision: of a meeting of another organization than the vacancy's or
    /// one above it, not a cadre matter, or not adopted (pending, rejected, not decided for want of a quorum, awaiting a
    /// ruling).
    /// </summary>
    public static void DemandAdoptedCadreItem(string caseOrganizationPath, string meetingOrganizationPath, ItemCategory category, ItemOutcome? finalOutcome)
    {
        if (!OrganizationTree.IsWithin(caseOrganizationPath, meetingOrganizationPath))
        {
            throw new DomainRuleException("Selection.AgendaItemOfOtherOrganization", "agendaItemId");
        }

        if (category != ItemCategory.Cadre)
        {
            throw new DomainRuleException("Selection.AgendaItemNotCadre", "agendaItemId");
        }

        if (finalOutcome != ItemOutcome.Passed)
        {
            throw new DomainRuleException("Selection.AgendaItemNotAdopted", "agendaItemId");
        }
    }
}
