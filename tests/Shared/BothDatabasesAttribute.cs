using System.Reflection;
using Xunit.Sdk;

namespace Lvyue.Testing;

/// <summary>
/// Runs a <c>[Theory]</c> once per supported database: its first parameter receives
/// <see cref="TestDatabase.Sqlite"/> or <see cref="TestDatabase.Postgres"/>.
/// <code>[Theory, BothDatabases] public async Task X(string provider) { await using var db = await TestDatabase.CreateAsync(provider); … }</code>
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        TestDatabase.Providers.Select(p => new object[] { p });
}
