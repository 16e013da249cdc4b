using Lvyue.Contracts;
using Lvyue.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Testing;

/// <summary>One service scope of a <see cref="TestDatabase"/>, as one request of one principal would have.</summary>
public sealed class TestScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;
    public LvyueDbContext Db => Get<LvyueDbContext>();
    public FilingService Filing => Get<FilingService>();
    public LedgerQuery Ledger => Get<LedgerQuery>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
