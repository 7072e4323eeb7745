using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dangjian.E2E.Elections;
using Dangjian.E2E.Infrastructure;
using Dangjian.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dangjian.E2E.Print;

/// <summary>
/// RPT-2 print: every printable page — notices, ballots, results, minutes, commitment boards, selection dossiers and
/// review records — opened on the demo district's data as the district administrator, laid out for print on the A4
/// width its own @page rule leaves (margins and orientation read from the page), and printed to PDF through Chromium.
/// No text may be cut: in print media no element's content is wider than its box (scrollWidth within clientWidth)
/// and nothing reaches past the printable width; and the PDF has no more pages than the printed content needs.
/// </summary>
public sealed partial class PrintTests(BrowserApp app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string DistrictAdmin = "admin";

    [Fact]
    public Task EveryPrintablePage_FitsA4_WithNoTextCut_AndNoMorePagesThanItsContentNeeds() => RunAsync(async page =>
    {
        var targets = await PrintablePagesAsync();
        Assert.True(targets.Count == 10, "the demo district should have something to print of each kind: " + string.Join(", ", targets.Select(t => t.Name)));
        await new LoginPage(page).SignInAsync(DistrictAdmin);

        var failures = new List<string>();
        foreach (var (name, path) in targets)
        {
            await page.SetViewportSizeAsync(BrowserApp.Desktop.Width, BrowserApp.Desktop.Height);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            var response = await page.GotoAsync(new Uri(App.BaseUrl, path).ToString());
            Assert.True(response?.Ok == true, $"{name}: {path} answered {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var sheet = JsonSerializer.Deserialize<Sheet>(await page.EvaluateAsync<string>(PageRuleScript), Web)!;
            await page.SetViewportSizeAsync((int)Math.Floor(sheet.Width), (int)Math.Floor(sheet.Height));
            var layout = JsonSerializer.Deserialize<Layout>(await page.EvaluateAsync<string>(LayoutScript, sheet.Width), Web)!;
            var pdf = await page.PdfAsync(new() { Format = "A4", Landscape = sheet.Landscape, PrintBackground = true });
            var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
            var needed = Math.Max(1, (int)Math.Ceiling(layout.ContentHeight / sheet.Height));
            Output.WriteLine($"{name} {path}: printable {sheet.Width:0}×{sheet.Height:0} px, content {layout.ContentHeight:0} px, {pages} PDF page(s), {layout.Problems.Count} problem(s)");

            if (layout.Problems.Count > 0)
            {
                failures.Add($"{name} ({path}): text cut or wider than A4 — " + string.Join("; ", layout.Problems.Take(5)));
            }

            if (pages < 1 || pages > needed + 1)
            {
                failures.Add($"{name} ({path}): {pages} PDF pages for content of about {needed}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The check sees what it looks for: a line that cannot wrap in a box narrower than it is reported, as is a
        // block wider than the sheet.
        await page.EvaluateAsync("""
            () => {
              const cut = document.createElement('p');
              cut.style.cssText = 'width: 100px; overflow: hidden; white-space: nowrap';
              cut.textContent = '这一行文字太长放不进这个框里会被截断这一行文字太长放不进这个框里';
              const wide = document.createElement('div');
              wide.style.cssText = 'width: 2000px; height: 10px';
              document.body.append(cut, wide);
            }
            """);
        var planted = JsonSerializer.Deserialize<Layout>(await page.EvaluateAsync<string>(LayoutScript, (double)page.ViewportSize!.Width), Web)!;
        Assert.Contains(planted.Problems, p => p.Contains("这一行文字太长", StringComparison.Ordinal) && p.Contains("in a box of 100px", StringComparison.Ordinal));
        Assert.Contains(planted.Problems, p => p.Contains("2000", StringComparison.Ordinal) || p.Contains("spans", StringComparison.Ordinal));
    });

    /// <summary>One of each printable page kind, on the first demo record that has what the page prints.</summary>
    private async Task<List<(string Name, string Path)>> PrintablePagesAsync()
    {
        var ids = await App.WithDbAsync(async db => new Dictionary<string, int?>
        {
            ["meeting-notice"] = await db.Meetings.OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(),
            ["minutes"] = await db.MeetingMinutes.Where(m => m.Number != null).OrderBy(m => m.Id).Select(m => (int?)m.MeetingId).FirstOrDefaultAsync(),
            ["ballot-paper"] = await db.ElectionRounds.OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(),
            ["result-sheet"] = await db.ElectionRounds.Where(r => r.ResultJson != null).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(),
            ["commitment-board"] = await db.CommitmentCampaigns.OrderBy(c => c.Id).Select(c => (int?)c.OrganizationId).FirstOrDefaultAsync(),
            ["selection-dossier"] = await db.SelectionCases.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(),
            ["review"] = await db.WorkReviews.OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(),
            ["evaluation-notice"] = await db.EvaluationCampaigns.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(),
            ["evaluation-results"] = await db.EvaluationResults.OrderBy(r => r.CampaignId).Select(r => (int?)r.CampaignId).FirstOrDefaultAsync(),
            ["dlm-rectifications"] = await db.DemocraticLifeProblems.OrderBy(p => p.Id).Select(p => (int?)p.MeetingId).FirstOrDefaultAsync(),
        });
        var paths = new Dictionary<string, Func<int, string>>
        {
            ["meeting-notice"] = id => $"meetings/{id}/notice",
            ["minutes"] = id => $"meetings/{id}/minutes/print",
            ["ballot-paper"] = id => $"elections/rounds/{id}/ballot-paper",
            ["result-sheet"] = id => $"elections/rounds/{id}/result-sheet",
            ["commitment-board"] = id => $"public/commitments/{id}/print",
            ["selection-dossier"] = id => $"cadres/selection/{id}/dossier",
            ["review"] = id => $"reviews/{id}/print",
            ["evaluation-notice"] = id => $"evaluations/{id}/notice",
            ["evaluation-results"] = id => $"evaluations/{id}/results/print",
            ["dlm-rectifications"] = id => $"meetings/democratic-life/{id}/rectifications",
        };
        // Ballots and results: the published election the election browser tests share (the demo has no round).
        var (_, roundId) = await App.PublishedElectionAsync();
        ids["ballot-paper"] ??= roundId;
        ids["result-sheet"] ??= roundId;
        return [.. ids.Where(i => i.Value is not null).Select(i => (i.Key, paths[i.Key](i.Value!.Value)))];
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Sheet(double Width, double Height, bool Landscape);

    private sealed record Layout(double ContentHeight, List<string> Problems);

    /// <summary>
    /// The printable area of an A4 sheet in CSS pixels, from the page's own @page rule (size A4 or A4 landscape, its
    /// margins); a page without one prints with Chromium's default margin of 1 cm.
    /// </summary>
    private const string PageRuleScript = """
        () => {
          const mm = 96 / 25.4;
          let landscape = false, margins = null;
          const all = [];
          const walk = rules => { for (const r of rules) { all.push(r); if (r.cssRules) walk(r.cssRules); } };
          for (const sheet of document.styleSheets) {
            try { walk(sheet.cssRules); } catch { }
          }
          {
            for (const rule of all) {
              if (rule.type !== CSSRule.PAGE_RULE) continue;
              const size = rule.style.getPropertyValue('size');
              if (size.includes('landscape')) landscape = true;
              const side = p => { const v = rule.style.getPropertyValue(p); return v ? parseFloat(v) * (v.endsWith('mm') ? mm : v.endsWith('cm') ? 10 * mm : v.endsWith('in') ? 96 : 1) : null; };
              const m = { top: side('margin-top'), right: side('margin-right'), bottom: side('margin-bottom'), left: side('margin-left') };
              if (m.top !== null || m.left !== null) margins = m;
            }
          }
          margins ??= { top: 10 * mm, right: 10 * mm, bottom: 10 * mm, left: 10 * mm };
          const [w, h] = landscape ? [297, 210] : [210, 297];
          return JSON.stringify({
            width: w * mm - (margins.left ?? 0) - (margins.right ?? 0),
            height: h * mm - (margins.top ?? 0) - (margins.bottom ?? 0),
            landscape });
        }
        """;

    /// <summary>
    /// In print media at the printable width: each visible element whose content is wider than its box (text cut or
    /// scrolled away on paper) or that reaches past the printable width, named by tag, class and the start of its text;
    /// and the height of what prints.
    /// </summary>
    private const string LayoutScript = """
        width => {
          const problems = [];
          const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '')
            + ' "' + (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30) + '"';
          for (const el of document.body.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[aria-hidden=true], .no-print')) continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) continue;
            if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) {
              problems.push(`${name(el)} is ${el.scrollWidth}px wide in a box of ${el.clientWidth}px`);
            } else if (box.right > width + 1 || box.left < -1) {
              problems.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)}px of ${Math.round(width)}px`);
            }
          }
          return JSON.stringify({ contentHeight: document.documentElement.scrollHeight, problems });
        }
        """;

    /// <summary>A page object of the PDF ("/Type /Page", not the "/Type /Pages" tree).</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PdfPage();
}
