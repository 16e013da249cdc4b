using Lvyue.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>
/// The real web app (its own <c>Program</c>) on a fresh database of one provider: the app's startup
/// migrates the empty database and seeds the demo region with a few contracts, exactly as a first
/// start does. The file store and data root are a temporary folder of the <see cref="TestDatabase"/>.
/// In-memory (TestServer) by default; with <c>kestrel: true</c> it listens on a free loopback port
/// so that a real browser can reach it.
/// </summary>
public sealed class LvyueApp : WebApplicationFactory<Program>
{
    /// <summary>How many demo contracts the host seeds at start: every status, a few per unit.</summary>
    public const int DemoContracts = 20;

    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;
    private readonly TimeProvider? _clock;

    private LvyueApp(TestDatabase database, IReadOnlyDictionary<string, string?> settings, bool kestrel, TimeProvider? clock, bool ownsDatabase = true)
    {
        _database = database;
        _settings = settings;
        _clock = clock;
        _ownsDatabase = ownsDatabase;
        if (kestrel) UseKestrel(0);
    }

    /// <summary><see cref="TestDatabase.Sqlite"/> or <see cref="TestDatabase.Postgres"/>.</summary>
    public string Provider => _database.Provider;

    /// <summary>The app's database, reachable outside the app for setup and for checking that nothing was written.</summary>
    public TestDatabase Database => _database;

    /// <summary>
    /// Starts the app; <paramref name="settings"/> override configuration keys (e.g. <c>Security:LockoutFailures</c>);
    /// <paramref name="clock"/>, when given, is the app's <see cref="TimeProvider"/> (sessions, lockouts, timestamps).
    /// </summary>
    public static async Task<LvyueApp> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false, TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var dataRoot = Path.GetDirectoryName(database.FileStoreRoot)!;
        var all = new Dictionary<string, string?>
        {
            ["DataRoot"] = dataRoot,
            ["Database:Provider"] = database.Options.Provider,
            ["Database:ConnectionString"] = database.Options.ConnectionString,
            ["Files:Root"] = database.FileStoreRoot,
            ["Demo:Seed"] = "true",
            ["Demo:Contracts"] = DemoContracts.ToString(),
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        return await StartAsync(new LvyueApp(database, all, kestrel, clock));
    }

    /// <summary>A second instance of the app on the same database and file store (it does not drop them when disposed).</summary>
    public static Task<LvyueApp> StartAnotherInstanceAsync(LvyueApp first) =>
        StartAsync(new LvyueApp(first._database, first._settings, kestrel: false, first._clock, ownsDatabase: false));

    private static async Task<LvyueApp> StartAsync(LvyueApp app)
    {
        try
        {
            app.StartServer();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private Task<DemoFacts>? _facts;

    /// <summary>The ids of the seeded demo region (read once).</summary>
    public Task<DemoFacts> Facts => _facts ??= DemoFacts.LoadAsync(this);

    /// <summary>The loopback address the app listens on (Kestrel hosts only).</summary>
    public Uri Address
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var first = addresses.FirstOrDefault() ?? throw new InvalidOperationException("The host listens on no address: start it with kestrel: true");
            return new Uri(first.Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://localhost", "://127.0.0.1"));
        }
    }

    /// <summary>A client that keeps its cookies in <paramref name="cookies"/> (which another instance's client may share) and does not follow redirects.</summary>
    public HttpClient NewClient(System.Net.CookieContainer cookies) => CreateDefaultClient(new SharedCookies(cookies));

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see them).</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in with the login form (cookie <c>lvyue.auth</c>).</summary>
    public async Task<WebSession> LoginAsync(string userName, string password = Lvyue.Demo.DemoSeeder.DemoPassword)
    {
        var session = new WebSession(NewClient());
        var response = await session.LoginAsync(userName, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>A client that authenticates with an API token (<c>Authorization: Bearer lvy_…</c>).</summary>
    public WebSession WithToken(string secret)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return new WebSession(client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        if (_clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(_clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await _database.DisposeAsync();
    }
}
