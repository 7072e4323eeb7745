using Dangjian.Domain.Accounts;

namespace Dangjian.Domain.Tests.Accounts;

/// <summary>Growing waits per user name and address, and the account-wide limit (NIST SP 800-63B §5.2.2).</summary>
public sealed class SignInThrottleTests
{
    private static readonly SignInThrottlePolicy Policy = new(FreeFailures: 5, FirstDelay: TimeSpan.FromSeconds(1), MaxDelay: TimeSpan.FromMinutes(15), AccountFailureLimit: 20);
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)] // the fourth failure still costs nothing
    [InlineData(5, 1)] // the fifth starts the waits
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(14, 512)]
    [InlineData(15, 900)] // 1,024 s is past the cap of 15 minutes
    [InlineData(1_000_000, 900)]
    public void DelayAfter_DoublesFromTheFreeFailures_UpToTheCap(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Policy.DelayAfter(failures, Policy.FreeFailures));
    }

    [Fact]
    public void WaitAt_GrowsWithEachFailure_AndEndsWhenTheDelayHasPassed()
    {
        var failures = new SignInFailures();
        var now = T0;
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            now += failures.WaitAt("a", now, Policy);
            Assert.Equal(TimeSpan.Zero, failures.WaitAt("a", now, Policy));
            failures.Failed("a", now);
            waits.Add(failures.WaitAt("a", now, Policy));
        }

        Assert.Equal([0, 0, 0, 0, 1, 2, 4, 8], waits.Select(w => (int)w.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(3), failures.WaitAt("a", now + TimeSpan.FromSeconds(5), Policy));
        Assert.True(failures.IsHeldBack(now, Policy));
        Assert.False(failures.IsHeldBack(now + TimeSpan.FromSeconds(8), Policy));
    }

    [Fact]
    public void WaitAt_FailuresFromOneAddress_DoNotSlowAnother()
    {
        var failures = new SignInFailures();
        for (var i = 0; i < 10; i++)
        {
            failures.Failed("attacker", T0);
        }

        Assert.True(failures.WaitAt("attacker", T0, Policy) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, failures.WaitAt("owner", T0, Policy));
    }

    [Fact]
    public void Succeeded_EndsOnlyItsOwnAddressStreak()
    {
        var failures = new SignInFailures();
        for (var i = 0; i < 6; i++)
        {
            failures.Failed("attacker", T0);
            failures.Failed("owner", T0);
        }

        failures.Succeeded("owner");

        Assert.Equal(TimeSpan.Zero, failures.WaitAt("owner", T0, Policy));
        Assert.True(failures.WaitAt("attacker", T0, Policy) > TimeSpan.Zero);
        Assert.False(failures.IsEmpty);
    }

    [Fact]
    public void WaitAt_AccountFailureLimitFromManyAddresses_SlowsEveryAddress()
    {
        var failures = new SignInFailures();
        for (var i = 0; i < Policy.AccountFailureLimit - 1; i++)
        {
            failures.Failed($"10.0.0.{i}", T0); // one failure each: no address reaches its own limit
        }

        Assert.Equal(TimeSpan.Zero, failures.WaitAt("owner", T0, Policy));

        failures.Failed("10.0.1.1", T0);

        Assert.Equal(Policy.FirstDelay, failures.WaitAt("owner", T0, Policy));
        Assert.True(failures.IsHeldBack(T0, Policy));
    }

    [Fact]
    public void Failed_BeyondTheAddressBound_ForgetsTheOldestAddress_ButStillCountsTheTotal()
    {
        var failures = new SignInFailures(maxAddresses: 2);
        for (var i = 0; i < 6; i++)
        {
            failures.Failed("first", T0);
        }

        failures.Failed("second", T0.AddSeconds(1));
        failures.Failed("third", T0.AddSeconds(2));

        Assert.Equal(TimeSpan.Zero, failures.WaitAt("first", T0.AddSeconds(2), Policy));
        var eightInAll = Policy with { AccountFailureLimit = 8 };
        Assert.True(failures.WaitAt("fourth", T0.AddSeconds(2), eightInAll) > TimeSpan.Zero);
    }
}
