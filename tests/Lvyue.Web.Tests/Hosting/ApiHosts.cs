using System.Collections.Concurrent;

namespace Lvyue.Web.Tests.Hosting;

/// <summary>
/// The hosts the HTTP tests share: one app per database provider, started on first use and stopped
/// when the collection ends. The tests of the collection run one after another, so a test may count
/// rows before and after a refused request without another test writing in between.
/// </summary>
public sealed class ApiHosts : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<LvyueApp>>> _hosts = new();

    /// <summary>The shared app on <paramref name="provider"/>.</summary>
    public Task<LvyueApp> For(string provider) =>
        _hosts.GetOrAdd(provider, p => new Lazy<Task<LvyueApp>>(() => LvyueApp.StartAsync(p))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _hosts.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully) await lazy.Value.Result.DisposeAsync();
        }
    }
}

/// <summary>The HTTP API and page tests: they share <see cref="ApiHosts"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHosts>
{
    public const string Name = "api";
}
