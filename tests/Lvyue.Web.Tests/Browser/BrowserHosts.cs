using Lvyue.Testing;
using Lvyue.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace Lvyue.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (its node driver ships in the NuGet package; no browser is
/// downloaded) and the apps it browses: the real app on Kestrel on a loopback port, one per provider,
/// started on first use. Without /usr/bin/chromium every browser test fails saying how to install it.
/// </summary>
public sealed class BrowserHosts : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<LvyueApp>>> _apps = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser did not start");

    /// <summary>The app on <paramref name="provider"/>, listening on a loopback port.</summary>
    public Task<LvyueApp> App(string provider = TestDatabase.Sqlite) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<LvyueApp>>(() => LvyueApp.StartAsync(p, kestrel: true))).Value;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}, which is not installed: run `apt-get install chromium` " +
                "(bash scripts/test.sh installs it when it runs as root).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) on <paramref name="app"/>, named for its screenshots.</summary>
    public async Task<BrowserSession> NewSessionAsync(LvyueApp app, string name)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString().TrimEnd('/'),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync(), name);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        foreach (var lazy in _apps.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully) await lazy.Value.Result.DisposeAsync();
        }
    }
}

/// <summary>The browser tests: one Chromium, one app per provider, scenarios one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHosts>
{
    public const string Name = "browser";
}
