using Dangjian.Domain.Accounts;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Features.Accounts;

/// <summary>The "Dangjian:SignIn" settings: growing waits after failed sign-ins (<see cref="SignInThrottlePolicy"/>).</summary>
public sealed record SignInOptions
{
    public const string Section = "Dangjian:SignIn";

    /// <summary>Failures from one address for one user name before waits begin.</summary>
    public int FreeFailures { get; init; } = 5;

    /// <summary>The first wait, doubled with each further failure.</summary>
    public int FirstDelaySeconds { get; init; } = 1;

    /// <summary>The longest wait.</summary>
    public int MaxDelaySeconds { get; init; } = 900;

    /// <summary>Consecutive failures of one user name from all addresses together before every address waits (NIST SP 800-63B §5.2.2: at most 100).</summary>
    public int AccountFailureLimit { get; init; } = 100;

    /// <summary>A name's failures are forgotten after this many hours without a new one.</summary>
    public int ForgetAfterHours { get; init; } = 24;

    /// <summary>At most this many user names are tracked at once (memory bound); past it the least recently tried are forgotten first.</summary>
    public int TrackedNames { get; init; } = 100_000;

    public bool IsValid => FreeFailures > 0 && FirstDelaySeconds > 0 && MaxDelaySeconds >= FirstDelaySeconds
        && AccountFailureLimit >= FreeFailures && AccountFailureLimit <= 100 && ForgetAfterHours > 0 && TrackedNames > 0;

    public SignInThrottlePolicy Policy => new(FreeFailures, TimeSpan.FromSeconds(FirstDelaySeconds), TimeSpan.FromSeconds(MaxDelaySeconds), AccountFailureLimit);
}

/// <summary>
/// The failed sign-ins of this app instance, per normalized user name, in memory (no EF model, nothing written per
/// attempt). With several instances behind a load balancer each counts its own: a guesser spread over N instances gets
/// up to N times the tries, and an admin's unlock clears only the instance it reaches (README "Security").
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly MemoryCache _names;
    private readonly IOptions<SignInOptions> _options;
    private readonly TimeProvider _time;

    public SignInThrottle(IOptions<SignInOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _names = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.TrackedNames });
    }

    private SignInThrottlePolicy Policy => _options.Value.Policy;

    /// <summary>How long a try for <paramref name="normalizedName"/> from <paramref name="address"/> must still wait; zero to go ahead.</summary>
    public TimeSpan WaitFor(string normalizedName, string address) =>
        _names.TryGetValue(normalizedName, out SignInFailures? f) ? Locked(f!, () => f!.WaitAt(address, _time.GetUtcNow(), Policy)) : TimeSpan.Zero;

    public void Failed(string normalizedName, string address)
    {
        var failures = _names.GetOrCreate(normalizedName, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(_options.Value.ForgetAfterHours);
            return new SignInFailures();
        })!;
        Locked(failures, () =>
        {
            failures.Failed(address, _time.GetUtcNow());
            return true;
        });
    }

    public void Succeeded(string normalizedName, string address)
    {
        if (_names.TryGetValue(normalizedName, out SignInFailures? f) && Locked(f!, () =>
            {
                f!.Succeeded(address);
                return f.IsEmpty;
            }))
        {
            _names.Remove(normalizedName);
        }
    }

    /// <summary>Whether tries for the name are being held back anywhere (the Accounts page shows it, with an unlock).</summary>
    public bool IsHeldBack(string normalizedName) =>
        _names.TryGetValue(normalizedName, out SignInFailures? f) && Locked(f!, () => f!.IsHeldBack(_time.GetUtcNow(), Policy));

    /// <summary>An admin's unlock: forgets every failure of the name, from every address.</summary>
    public void Clear(string normalizedName) => _names.Remove(normalizedName);

    private static T Locked<T>(SignInFailures failures, Func<T> work)
    {
        lock (failures)
        {
            return work();
        }
    }

    public void Dispose() => _names.Dispose();
}
