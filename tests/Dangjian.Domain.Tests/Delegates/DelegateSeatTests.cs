using Dangjian.Domain.Common;
using Dangjian.Domain.Delegates;

namespace Dangjian.Domain.Tests.Delegates;

/// <summary>DEL-1: a congress term's dates, a person once per term, a delegation of the term, ending a seat.</summary>
public sealed class DelegateSeatTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static (CongressTerm Term, Delegation Delegation) Term()
    {
        var term = CongressTerm.Open(9, 5, new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31));
        term.Id = 3;
        var delegation = Delegation.Form(term, "城关镇代表团", 11);
        delegation.Id = 7;
        return (term, delegation);
    }

    [Theory]
    [InlineData(0, "number")]
    [InlineData(100, "number")]
    public void Open_ANumberOutside1To99_Refused(int number, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => CongressTerm.Open(9, number, Today, null)).Field);

    [Fact]
    public void Open_EndNotAfterStart_Refused_TheDayAfter_Accepted()
    {
        Assert.Equal("endsOn", Assert.Throws<DomainRuleException>(() => CongressTerm.Open(9, 1, Today, Today)).Field);
        var t = CongressTerm.Open(9, 1, Today, Today.AddDays(1));
        Assert.True(t.RunsOn(Today.AddDays(1)));
        Assert.False(t.RunsOn(Today.AddDays(2)));
        Assert.False(t.RunsOn(Today.AddDays(-1)));
    }

    [Fact]
    public void Seat_APersonAlreadySeatedInTheTerm_Refused_AnotherPerson_Accepted()
    {
        var (term, delegation) = Term();
        Assert.Equal("personId", Assert.Throws<DomainRuleException>(() => DelegateSeat.Seat(term, delegation, 101, null, [100, 101])).Field);
        var seat = DelegateSeat.Seat(term, delegation, 102, 44, [100, 101]);
        Assert.Equal((3, 7, 102, 44, DelegateStatus.Serving), (seat.TermId, seat.DelegationId, seat.PersonId, seat.ElectionProjectId, seat.Status));
    }

    [Fact]
    public void Seat_InADelegationOfAnotherTerm_Refused()
    {
        var (term, _) = Term();
        var other = new Delegation { Id = 8, TermId = 4, Name = "别的届" };
        Assert.Equal("Delegates.DelegationOfAnotherTerm", Assert.Throws<DomainRuleException>(() => DelegateSeat.Seat(term, other, 101, null, [])).Code);
    }

    [Fact]
    public void End_WithReason_NotInTheFuture_NotBeforeTheTerm_Once()
    {
        var (term, delegation) = Term();
        var seat = DelegateSeat.Seat(term, delegation, 101, null, []);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => seat.End(term, Today, " ", Today)).Field);
        Assert.Equal("endedOn", Assert.Throws<DomainRuleException>(() => seat.End(term, Today.AddDays(1), "调离", Today)).Field);
        Assert.Equal("endedOn", Assert.Throws<DomainRuleException>(() => seat.End(term, term.StartsOn.AddDays(-1), "调离", Today)).Field);
        Assert.Equal(DelegateStatus.Serving, seat.Status);

        seat.End(term, Today, "调离本区", Today);
        Assert.Equal((DelegateStatus.Ended, Today, "调离本区"), (seat.Status, seat.EndedOn, seat.EndReason));
        Assert.Equal("Delegates.AlreadyEnded", Assert.Throws<DomainRuleException>(() => seat.End(term, Today, "再次", Today)).Code);
    }
}
