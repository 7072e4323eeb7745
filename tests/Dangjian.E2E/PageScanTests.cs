using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dangjian.E2E.Elections;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Dangjian.E2E;

/// <summary>
/// Crawls every page the district admin can reach from the demo district's navigation (same-origin links,
/// breadth first, a few pages of each kind: lists, records, prints, public pages) in each language, and fails on
/// what a user should never read: format placeholders, resource keys, English words on a Chinese page and
/// full-width punctuation in English text, outside the data the page shows.
/// </summary>
public sealed partial class PageScanTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>Pages of one kind (one route with different ids) visited at most this often.</summary>
    private const int PerKind = 2;

    /// <summary>A bound on the whole crawl, far above the number of page kinds.</summary>
    private const int MaxPages = 260;

    /// <summary>Tabs reading pages side by side.</summary>
    private const int Tabs = 4;

    /// <summary>Words that are data or product names on a Chinese page, not untranslated text.</summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        // Product names and units a Chinese reader uses as they are.
        "Excel", "CSV", "JSON", "xlsx", "API", "MB", "JavaScript", "SHA",
        // The language switch names the other language in that language.
        "English",
        // A time format a field asks for (HH:mm).
        "HH", "mm",
        // The demo seed's own words: the public draw seed and the account that confirmed its preparations.
        "DEMO", "demo",
        // The report box's case number prefix (举报, JB-ABCDE-FGHJK): the code after it is data already.
        "JB",
    };

    /// <summary>
    /// The pages of an election that went the whole way, which the crawl must read: the demo district seeds no election, so
    /// without <see cref="ElectionSeed.PublishedElectionAsync"/> they would be reached only after another test made one.
    /// </summary>
    private static readonly string[] ElectionKinds =
        ["/elections/*", "/elections/*/rounds", "/elections/rounds/*", "/elections/rounds/*/result-sheet", "/public/elections/rounds/*"];

    /// <summary>Pages a user reaches by typing the address a slip or a notice gives (the public voting entry), and the signed-in user's own page.</summary>
    private static readonly string[] Entrances = ["/", "/me", "/vote"];

    [Fact]
    public Task Crawl_Chinese_ShowsNoPlaceholderKeyOrEnglishOutsideData() => RunAsync(page => ScanAsync(page, Ui.Zh));

    [Fact]
    public void Check_AHexTailGluedToAChineseName_IsData_AnEnglishWordStillIsNot()
    {
        var none = new HashSet<string>();

        Assert.Empty(Check("支部读者问卷fcbc\t草稿", Ui.Zh, none));
        Assert.Equal(["English \"问卷 fcbc 草稿\""], Check("问卷 fcbc 草稿", Ui.Zh, none).Select(f => f.Replace('\t', ' ')));
        Assert.Single(Check("支部读者问卷 Save", Ui.Zh, none));
    }

    [Fact]
    public Task Crawl_English_ShowsNoPlaceholderKeyOrFullWidthPunctuation() => RunAsync("en", page => ScanAsync(page, Ui.En));

    [Fact]
    public Task Favicon_EveryPageNamesOne_ServedAsAnImage() => RunAsync(async page =>
    {
        await new LoginPage(page).OpenAsync();
        var icon = page.Locator("link[rel=icon]");
        await Assertions.Expect(icon).ToHaveCountAsync(1);

        var response = await page.APIRequest.GetAsync(await icon.EvaluateAsync<string>("l => l.href"));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/", response.Headers["content-type"], StringComparison.Ordinal);
    });

    [Fact]
    public Task Title_FocusedForScreenReaders_DrawsNoBox() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInAsync("admin");

        // As Blazor does after a navigation: the title takes focus (a screen reader reads it) on a fresh page.
        var outline = await page.EvaluateAsync<string>(
            "() => { const h = document.querySelector('h1'); h.tabIndex = -1; h.focus(); return document.activeElement === h ? getComputedStyle(h).outlineStyle : 'not focused'; }");

        Assert.Equal("none", outline);
    });

    private async Task ScanAsync(IPage page, CultureInfo culture)
    {
        await App.PublishedElectionAsync();
        var userNames = await App.WithDbAsync(db => db.Users.AsNoTracking().Select(u => u.UserName!).ToListAsync());
        var allowed = new HashSet<string>(AllowedWords, StringComparer.OrdinalIgnoreCase);
        foreach (var name in userNames)
        {
            foreach (Match word in Words().Matches(name))
            {
                allowed.Add(word.Value);
            }
        }

        // The browser asks for the page's language (Accept-Language), as a user's browser does.
        await new LoginPage(page, culture).SignInAsync("admin", waitForInteractive: false);

        var clock = Stopwatch.StartNew();
        var origin = App.BaseUrl.GetLeftPart(UriPartial.Authority);
        var queue = new Queue<string>(Entrances);
        var seen = new HashSet<string>(Entrances, StringComparer.Ordinal);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<string>();
        var visited = 0;

        // Most of a page's time is the wait for the network to fall quiet, so a few tabs of the same signed-in browser read
        // the next pages of the queue side by side; what they find is taken in queue order.
        var tabs = new List<IPage> { page };
        for (var i = 1; i < Tabs; i++)
        {
            tabs.Add(await page.Context.NewPageAsync());
        }

        while (queue.Count > 0 && visited < MaxPages)
        {
            var batch = new List<string>();
            while (queue.Count > 0 && batch.Count < tabs.Count && visited + batch.Count < MaxPages)
            {
                var path = queue.Dequeue();
                var kind = Kind(path);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (kinds[kind] <= PerKind)
                {
                    batch.Add(path);
                }
            }

            var visits = await Task.WhenAll(batch.Select((path, i) => VisitAsync(tabs[i], path)));
            visited += visits.Length;
            foreach (var visit in visits)
            {
                if (visit.Status >= 400)
                {
                    // A public page of something not yet published answers 404 by design; a staff page never should.
                    if (!(visit.Status == 404 && visit.Path.StartsWith("/public/", StringComparison.Ordinal)))
                    {
                        findings.Add($"{visit.Path}: HTTP {visit.Status}");
                    }

                    continue;
                }

                read.Add(Kind(visit.Path));
                findings.AddRange(Check(visit.Text, culture, allowed).Select(f => $"{visit.Path}: {f}"));
                foreach (var link in visit.Links)
                {
                    if (!link.StartsWith(origin, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var target = new Uri(link);
                    var next = target.PathAndQuery;
                    if (Skipped(target.AbsolutePath) || !seen.Add(next))
                    {
                        continue;
                    }

                    queue.Enqueue(next);
                }
            }
        }

        var message = $"{culture.Name}: {visited} pages of {kinds.Count} kinds crawled in {clock.Elapsed.TotalSeconds:F0} s";
        Output.WriteLine(message);
        Output.WriteLine(string.Join("\n", kinds.Keys.Order(StringComparer.Ordinal)));
        Assert.True(visited >= 40, message + ": too few pages reached");
        Assert.Empty(ElectionKinds.Except(read));
        Assert.True(findings.Count == 0, message + ", with faults:\n" + string.Join("\n", findings.Distinct()));
    }

    /// <summary>Opens one page in a tab and reads its text (outside code shown for copying) and its links.</summary>
    private static async Task<Visit> VisitAsync(IPage tab, string path)
    {
        var response = await tab.GotoAsync(path.TrimStart('/'));
        if (response is { Status: >= 400 })
        {
            return new Visit(path, response.Status, string.Empty, []);
        }

        try
        {
            await tab.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // A page that keeps a request open is read as it stands.
        }

        // Commands and code shown for copying are data, in whatever language they are written.
        var text = await tab.EvaluateAsync<string>(
            "() => { let t = document.body.innerText; for (const e of document.querySelectorAll('code, pre, kbd, samp')) { const x = e.innerText; if (x) t = t.split(x).join(' '); } return t; }");
        var links = await tab.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.filter(a => !a.hasAttribute('download')).map(a => a.href)");
        return new Visit(path, response?.Status ?? 200, text, links);
    }

    private sealed record Visit(string Path, int Status, string Text, string[] Links);

    /// <summary>Sign-out, the language switch and file downloads are not pages to read.</summary>
    private static bool Skipped(string path) =>
        path.StartsWith("/account/", StringComparison.Ordinal) || path.StartsWith("/api/", StringComparison.Ordinal)
        || path.StartsWith("/_", StringComparison.Ordinal) || Path.HasExtension(path);

    /// <summary>A route with its ids and tokens taken out: /elections/12/rounds and /elections/3/rounds are one kind.</summary>
    private static string Kind(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        return string.Join('/', path.Split('/').Select(s => s.Length > 0 && (s.All(char.IsAsciiDigit) || s.Length >= 16) ? "*" : s));
    }

    public static IEnumerable<string> Check(string text, CultureInfo culture, IReadOnlySet<string> allowed)
    {
        foreach (Match m in Placeholder().Matches(text))
        {
            yield return $"placeholder \"{Around(text, m)}\"";
        }

        foreach (Match m in ResourceKey().Matches(text))
        {
            yield return $"resource key \"{Around(text, m)}\"";
        }

        if (culture.Name.StartsWith("zh", StringComparison.Ordinal))
        {
            // Hashes and account ids are data; a run of letters inside them is not a word.
            var words = Identifiers().Replace(text, " ");
            foreach (Match m in Words().Matches(words))
            {
                if (m.Value.All(char.IsAsciiLetter) && !allowed.Contains(m.Value))
                {
                    yield return $"English \"{Around(words, m)}\"";
                }
            }
        }
        else
        {
            // Test names carry a hex tail ("候选甲7da182、候选乙7da182"): taken out, the mark after it follows the Chinese name.
            var data = Identifiers().Replace(text, string.Empty);
            foreach (Match m in FullWidth().Matches(data))
            {
                // A mark that closes Chinese text (or opens a Chinese aside) belongs to the data: a name, a title, a sentence.
                // A comma or full stop inside a Chinese sentence the data carries may follow a code or a number.
                var attached = m.Value == "（" ? Neighbour(data, m.Index, +1) : Neighbour(data, m.Index, -1);
                var inSentence = m.Value is "，" or "。" && IsHan(Neighbour(data, m.Index, +1));
                if (!IsHan(attached) && !inSentence)
                {
                    yield return $"full-width \"{Around(data, m)}\"";
                }
            }
        }
    }

    private static char Neighbour(string text, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < text.Length; i += step)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return ' ';
    }

    /// <summary>A Chinese character, or a full-width mark that follows one (as in "名称（简称）。").</summary>
    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or '）' or '”' or '》';

    private static string Around(string text, Match m)
    {
        var start = Math.Max(0, m.Index - 20);
        var end = Math.Min(text.Length, m.Index + m.Length + 20);
        return text[start..end].ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"\{\d*\}|\{\d+:[^}]*\}|\{[A-Za-z_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z0-9]+)+\b")]
    private static partial Regex ResourceKey();

    /// <summary>
    /// Runs of letters and digits, each taken whole: a run with a digit in it ("231fb" that test data carries, an id, a
    /// code) is data, so a run is never started in the middle of one.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]+")]
    private static partial Regex Words();

    /// <summary>
    /// Account ids, hashes, the names of uploaded files and ballot codes (a hint shows one: ABCDE-FGHJK): data, in whatever
    /// letters they are written. So is a short hex tail glued to a Chinese name ("支部读者问卷fcbc"): tests make their
    /// names unique that way, and one in about fifty tails has no digit, which read as an English word.
    /// </summary>
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[0-9a-f]{2,8}\b|\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b|\b[0-9a-f]{8,}\b|[\w.-]+\.(?:xlsx|csv|json|pdf|txt|docx?|jpe?g|png)\b|\b[A-Z0-9]{5}-[A-Z0-9]{5}\b")]
    private static partial Regex Identifiers();

    [GeneratedRegex("[，。：；（）！？、]")]
    private static partial Regex FullWidth();
}
