namespace Dangjian.Domain.Accounts;

/// <summary>
/// How failed sign-ins slow down further tries (ORG-5). NIST SP 800-63B §5.2.2 asks that consecutive failures on one
/// account be limited (to no more than 100) and suggests waits that grow with each failure rather than a hard lockout,
/// which lets anyone who knows a user name lock its owner out. So the count that matters is per user name and client
/// address: after <see cref="FreeFailures"/> failures from one address the next try from there waits
/// <see cref="FirstDelay"/>, doubling with each further failure up to <see cref="MaxDelay"/>; other addresses are not
/// slowed. Only when a name has failed <see cref="AccountFailureLimit"/> times in a row from all addresses together
/// (a guesser spread over many addresses) do the same growing waits apply to every address.
/// </summary>
public sealed record SignInThrottlePolicy(int FreeFailures, TimeSpan FirstDelay, TimeSpan MaxDelay, int AccountFailureLimit)
{
    public static readonly SignInThrottlePolicy Default = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15), 100);

    /// <summary>The wait after <paramref name="failures"/> consecutive failures of which the first <paramref name="free"/> cost nothing.</summary>
    public TimeSpan DelayAfter(int failures, int free)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        // Doubling from the first delay; past 2^20 the cap has long been reached, so the shift cannot overflow.
        var doublings = Math.Min(failures - free, 20);
        var ticks = FirstDelay.Ticks * (1L << doublings);
        return ticks <= 0 || ticks > MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks(ticks);
    }
}

/// <summary>
/// The consecutive failed sign-ins of one user name, per client address and in total, and the wait they impose
/// (<see cref="SignInThrottlePolicy"/>). The name need not be an account: unknown names are counted the same, so the
/// answers never tell which names exist. Not thread-safe; the caller serializes access to one instance.
/// </summary>
public sealed class SignInFailures(int maxAddresses = 1000)
{
    private readonly Dictionary<string, Streak> _byAddress = new(StringComparer.Ordinal);
    private Streak _total;

    /// <summary>How long a try from <paramref name="address"/> must still wait at <paramref name="now"/>; zero when it may go ahead.</summary>
    public TimeSpan WaitAt(string address, DateTimeOffset now, SignInThrottlePolicy policy)
    {
        var own = _byAddress.TryGetValue(address, out var streak) ? Remaining(streak, policy.FreeFailures, now, policy) : TimeSpan.Zero;
        var all = Remaining(_total, policy.AccountFailureLimit, now, policy);
        return own > all ? own : all;
    }

    /// <summary>Whether any address, or every address, must wait at <paramref name="now"/> (shown to admins as held back).</summary>
    public bool IsHeldBack(DateTimeOffset now, SignInThrottlePolicy policy) =>
        Remaining(_total, policy.AccountFailureLimit, now, policy) > TimeSpan.Zero
        || _byAddress.Values.Any(s => Remaining(s, policy.FreeFailures, now, policy) > TimeSpan.Zero);

    /// <summary>Counts a wrong password (or unknown name) from <paramref name="address"/>.</summary>
    public void Failed(string address, DateTimeOffset now)
    {
        if (!_byAddress.ContainsKey(address) && _byAddress.Count >= maxAddresses)
        {
            // Bounded memory for a name tried from very many addresses; the total still counts them all.
            _byAddress.Remove(_byAddress.MinBy(p => p.Value.Last).Key);
        }

        _byAddress[address] = _byAddress.TryGetValue(address, out var s) ? new Streak(s.Count + 1, now) : new Streak(1, now);
        _total = new Streak(_total.Count + 1, now);
    }

    /// <summary>
    /// A right password from <paramref name="address"/> ends that address's streak and the total one ("consecutive" in
    /// §5.2.2); other addresses' streaks stand, so a guesser elsewhere stays slowed down.
    /// </summary>
    public void Succeeded(string address)
    {
        _byAddress.Remove(address);
        _total = default;
    }

    /// <summary>Nothing is held: no streak anywhere.</summary>
    public bool IsEmpty => _byAddress.Count == 0 && _total.Count == 0;

    private static TimeSpan Remaining(Streak streak, int free, DateTimeOffset now, SignInThrottlePolicy policy)
    {
        if (streak.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var left = streak.Last + policy.DelayAfter(streak.Count, free) - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private readonly record struct Streak(int Count, DateTimeOffset Last);
}
