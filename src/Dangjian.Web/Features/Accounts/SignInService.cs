using System.Security.Claims;
using System.Security.Cryptography;
using Dangjian.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Features.Accounts;

/// <summary>What a sign-in came to; <see cref="Wait"/> is set when the try was not even checked.</summary>
public sealed record SignInOutcome(bool Succeeded, TimeSpan Wait)
{
    public static readonly SignInOutcome Success = new(true, TimeSpan.Zero);
    public static readonly SignInOutcome Failure = new(false, TimeSpan.Zero);
}

/// <summary>
/// The password sign-in (ORG-5). An unknown name, a wrong password and a locked account give the same answer after the
/// same work: each verifies one password hash (a stand-in hash when there is no account to check), so neither the
/// words nor the time tell which names exist. Failures slow down further tries for that name from that address
/// (<see cref="SignInThrottle"/>) instead of locking the account, so nobody can lock its owner out from elsewhere.
/// </summary>
public sealed class SignInService(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInThrottle throttle)
{
    private static string? _standInHash;

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string clientAddress)
    {
        var name = users.NormalizeName(userName.Trim()) ?? string.Empty;
        var wait = throttle.WaitFor(name, clientAddress);
        if (wait > TimeSpan.Zero)
        {
            return new SignInOutcome(false, wait);
        }

        var user = await users.FindByNameAsync(userName.Trim());
        var succeeded = false;
        if (user is null)
        {
            VerifyStandIn(password);
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
                succeeded = true;
            }
            else if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Identity answers these before it hashes anything; hash anyway so they take as long as a wrong password.
                VerifyStandIn(password);
            }
        }

        if (succeeded)
        {
            throttle.Succeeded(name, clientAddress);
            return SignInOutcome.Success;
        }

        throttle.Failed(name, clientAddress);
        return SignInOutcome.Failure;
    }

    /// <summary>The same hash verification a real account costs, against a hash of a random password made once.</summary>
    private void VerifyStandIn(string password)
    {
        var standIn = LazyInitializer.EnsureInitialized(ref _standInHash, () =>
            hasher.HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
        _ = hasher.VerifyHashedPassword(new AppUser(), standIn, password);
    }
}
