using Microsoft.Playwright;

namespace StreamEngine.Host.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (no browser download), with a page on the engine's dashboard,
/// and what the producer sees in its preview: the decoded pixels of the program image.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) => { if (message.Type is "error" or "warning") Errors.Add($"{message.Type}: {message.Text}"); };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
    }

    public IPage Page { get; }

    /// <summary>What the page reported in its console as errors or warnings, and uncaught exceptions.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Errors { get; } = [];

    /// <summary>Screenshots for people to look at: bin/…/artifacts/dashboard.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard")).FullName;

    /// <param name="initScript">Runs in the page before its own scripts (to take a browser feature away, as a plain-HTTP origin would).</param>
    public static async Task<DashboardBrowser> OpenAsync(int width = 1280, int height = 860, string? initScript = null)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: tests/run.sh installs it (apt-get install chromium)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        if (initScript is not null) await page.AddInitScriptAsync(initScript);
        return new DashboardBrowser(playwright, browser, page);
    }

    /// <summary>
    /// Waits through the next preview frames until a part of the picture has a color <paramref name="wanted"/> accepts
    /// (a scene switch or a deletion shows within a few frames); returns that color, or fails naming the last one seen.
    /// </summary>
    public async Task<double[]> PreviewUntilAsync((double X, double Y, double W, double H) region, Func<double[], bool> wanted, string what, int frames = 60)
    {
        var frame = await NextPreviewFrameAsync(0);
        double[] color = [];
        for (var i = 0; i < frames; i++)
        {
            color = await PreviewColorAsync(region.X, region.Y, region.W, region.H);
            if (wanted(color)) return color;
            frame = await NextPreviewFrameAsync(frame);
        }
        throw new Xunit.Sdk.XunitException($"the preview never showed {what}: the region stayed {string.Join(",", color.Select(c => Math.Round(c)))}");
    }

    /// <summary>The region's color once it holds still over three preview frames in a row (an animation there has ended).</summary>
    public async Task<double[]> PreviewSettledAsync((double X, double Y, double W, double H) region, int frames = 100)
    {
        var frame = await NextPreviewFrameAsync(0);
        var last = await PreviewColorAsync(region.X, region.Y, region.W, region.H);
        for (int i = 0, still = 0; i < frames; i++)
        {
            frame = await NextPreviewFrameAsync(frame);
            var color = await PreviewColorAsync(region.X, region.Y, region.W, region.H);
            still = Distance(color, last) < 2 ? still + 1 : 0;
            if (still == 2) return color;
            last = color;
        }
        throw new Xunit.Sdk.XunitException($"the preview's region never held still: it ended at {string.Join(",", last.Select(c => Math.Round(c)))}");
    }

    /// <summary>The mean color of a part of the preview image (fractions of its width and height), decoded by the browser.</summary>
    public Task<double[]> PreviewColorAsync(double x, double y, double width, double height) => ImageColorAsync("#preview", x, y, width, height);

    /// <summary>The mean color of a part of an image on the page (the <c>img</c> <paramref name="selector"/> matches).</summary>
    public async Task<double[]> ImageColorAsync(string selector, double x, double y, double width, double height) =>
        await Page.EvaluateAsync<double[]>("""
            ([selector, x, y, w, h]) => {
              const img = document.querySelector(selector);
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
              const g = canvas.getContext('2d');
              g.drawImage(img, 0, 0);
              const d = g.getImageData(Math.floor(x * canvas.width), Math.floor(y * canvas.height),
                Math.max(1, Math.floor(w * canvas.width)), Math.max(1, Math.floor(h * canvas.height))).data;
              const sum = [0, 0, 0];
              for (let i = 0; i < d.length; i += 4) { sum[0] += d[i]; sum[1] += d[i + 1]; sum[2] += d[i + 2]; }
              const n = d.length / 4;
              return sum.map(s => s / n);
            }
            """, new object[] { selector, x, y, width, height });

    /// <summary>The preview image's pixels as a data URL, for comparing two moments.</summary>
    public Task<string> PreviewPixelsAsync() => Page.EvaluateAsync<string>("""
        () => {
          const img = document.getElementById('preview');
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
          canvas.getContext('2d').drawImage(img, 0, 0);
          return canvas.toDataURL('image/png');
        }
        """);

    /// <summary>Waits until the preview shows a frame later than <paramref name="after"/>; returns its frame number.</summary>
    public async Task<long> NextPreviewFrameAsync(long after, float timeoutMs = 20000)
    {
        await Page.WaitForFunctionAsync("after => Number(document.getElementById('preview').dataset.frame ?? -1) > after && document.getElementById('preview').complete",
            after, new() { Timeout = timeoutMs });
        return long.Parse((await Page.GetAttributeAsync("#preview", "data-frame"))!);
    }

    public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, name), FullPage = true });

    public static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
