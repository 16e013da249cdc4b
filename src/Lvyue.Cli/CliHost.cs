using System.CommandLine;
using Lvyue.Accounts;
using Lvyue.Common;
using Lvyue.Data;
using Lvyue.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Lvyue.Cli;

/// <summary>
/// The options every command shares (database and file store) and the service provider built from
/// them. The command line runs as the system (<see cref="TenantScope.System"/>, actor "cli").
/// </summary>
public static class CliHost
{
    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "sqlite or postgres (default: env Database__Provider, else sqlite)", Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Connection string (default: env Database__ConnectionString, else data/lvyue.db of the checkout, as the web host uses)", Recursive = true,
    };

    public static readonly Option<string?> Files = new("--files")
    {
        Description = "Root of the document file store (default: data/files of the checkout, as the web host uses)", Recursive = true,
    };

    public static readonly TenantScope Scope = TenantScope.System with { Actor = "cli" };

    /// <summary>Where the default database and file store live: env <c>DataRoot</c>, else the checkout holding the current folder.</summary>
    private static string DataRoot =>
        Environment.GetEnvironmentVariable("DataRoot") is { Length: > 0 } root ? Path.GetFullPath(root) : DataPaths.FindRoot(Environment.CurrentDirectory);

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Provider);
        root.Options.Add(Connection);
        root.Options.Add(Files);
    }

    /// <summary>The database the options (or the environment) name.</summary>
    public static DatabaseOptions Database(ParseResult r)
    {
        var provider = r.GetValue(Provider) ?? Environment.GetEnvironmentVariable("Database__Provider") ?? "sqlite";
        var postgres = provider.ToLowerInvariant() switch
        {
            "sqlite" => false,
            "postgres" or "postgresql" => true,
            _ => throw new DomainException(ErrorKind.Invalid, new Msg($"未知的数据库类型“{provider}”，可选 sqlite 或 postgres",
                $"Unknown provider '{provider}': use sqlite or postgres")),
        };
        var cs = r.GetValue(Connection) ?? Environment.GetEnvironmentVariable("Database__ConnectionString");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (postgres) throw new DomainException(ErrorKind.Invalid, new Msg("使用PostgreSQL时须提供 --connection 连接字符串",
                "PostgreSQL needs a connection string (--connection)"));
            return DataPaths.Resolve(new DatabaseOptions { Provider = "Sqlite", ConnectionString = DataPaths.DefaultSqlite }, DataRoot);
        }
        return new DatabaseOptions { Provider = postgres ? "Postgres" : "Sqlite", ConnectionString = cs };
    }

    public static ServiceProvider Services(ParseResult r)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLvyueCore(Database(r), r.GetValue(Files) ?? DataPaths.ResolveFolder(DataPaths.DefaultFiles, DataRoot));
        services.AddLvyueImportExport();
        services.AddSingleton<ITenantContext>(new FixedTenantContext(Scope));
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Runs a command body in a service scope after migrating the schema; a refusal prints its
    /// bilingual message and gives exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult r, CancellationToken ct, Func<IServiceProvider, Task<int>> body)
    {
        try
        {
            await using var sp = Services(r);
            await using var scope = sp.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            return await body(scope.ServiceProvider);
        }
        catch (DomainException e)
        {
            Console.Error.WriteLine($"错误 / Error: {e.Title.Zh} / {e.Title.En}");
            foreach (var (field, msgs) in e.Errors)
                foreach (var m in msgs) Console.Error.WriteLine($"  {field}: {m.Zh} / {m.En}");
            return 1;
        }
        catch (TabularFormatException e)
        {
            Console.Error.WriteLine($"错误 / Error: {e.Msg.Zh} / {e.Msg.En}");
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"错误 / Error: 无法读写文件 / cannot read or write a file: {e.Message}");
            return 1;
        }
    }
}
