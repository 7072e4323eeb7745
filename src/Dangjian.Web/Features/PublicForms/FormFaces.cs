using Microsoft.Extensions.Caching.Memory;

namespace Dangjian.Web.Features.PublicForms;

/// <summary>
/// The fixed part of a public form — a ballot's title and candidates, an evaluation form's subjects and scale — kept
/// in memory between requests, so a phone's GET and POST do not read it again (issue 18 "Speed": that read was about a
/// third of the CPU per ballot). Only what cannot change while the form takes answers is kept, and each entry is keyed
/// by its owner's <c>Version</c> as well: every transition of a round or campaign bumps the version, so a changed owner
/// is read afresh. What does change while the form is open — whether its box is open, the status, the dates — is read on
/// every request, and the cast itself is decided inside the batch's transaction (<c>BallotBoxService</c>) whatever this
/// says. Several instances each keep their own; nothing here is shared or secret.
/// </summary>
public sealed class FormFaces : IDisposable
{
    /// <summary>Entries kept at most; one per open round or evaluation group, so a district never comes near it.</summary>
    public const int Capacity = 4_096;

    /// <summary>How long an entry is kept: the organization's name on a ballot is read at most this late after a rename.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The entry for (<paramref name="kind"/>, <paramref name="id"/>, <paramref name="version"/>), loaded once when missing.</summary>
    public async Task<T?> GetAsync<T>(string kind, int id, int version, Func<CancellationToken, Task<T?>> load, CancellationToken ct)
        where T : class
    {
        var key = (kind, id, version);
        if (_cache.TryGetValue(key, out T? found))
        {
            return found;
        }

        var loaded = await load(ct);
        if (loaded is not null)
        {
            _cache.Set(key, loaded, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return loaded;
    }

    public void Dispose() => _cache.Dispose();
}
