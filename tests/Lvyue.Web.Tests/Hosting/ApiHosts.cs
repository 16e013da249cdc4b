using System.Collections.Concurrent;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>Apps with the same settings, one per database provider, started on first use and stopped at dispose.</summary>
public sealed class HostPool(IReadOnlyDictionary<string, string?>? settings = null, Func<TimeProvider>? clock = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LvyueApp>>> _hosts = new();

    /// <summary>The app on <paramref name="provider"/> (with its own clock from the pool's clock factory, if any).</summary>
    public Task<LvyueApp> For(string provider) =>
        _hosts.GetOrAdd(provider, p => new Lazy<Task<LvyueApp>>(() => LvyueApp.StartAsync(p, settings, clock: clock?.Invoke()))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _hosts.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully) await lazy.Value.Result.DisposeAsync();
        }
    }
}

/// <summary>
/// The hosts the HTTP tests share: one app per database provider with the default settings. The tests
/// of <see cref="ApiCollection"/> run one after another, so a test may count rows before and after a
/// refused request without another test writing in between.
/// </summary>
public sealed class ApiHosts : IAsyncLifetime
{
    private readonly HostPool _pool = new();

    /// <summary>The shared app on <paramref name="provider"/>.</summary>
    public Task<LvyueApp> For(string provider) => _pool.For(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _pool.DisposeAsync().AsTask();
}

/// <summary>The HTTP API and page tests: they share <see cref="ApiHosts"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHosts>
{
    public const string Name = "api";
}
