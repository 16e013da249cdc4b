using Microsoft.Data.Sqlite;

namespace Lvyue.Data;

/// <summary>
/// Where the default SQLite file and file store live: <c>data/</c> under the data root, which is the
/// checkout's root (the folder holding Lvyue.slnx) when the program runs inside a checkout — so the web
/// host and the command line started with <c>dotnet run --project …</c> share ./data — else the
/// starting folder. The web host lets configuration (<c>DataRoot</c>) override it.
/// </summary>
public static class DataPaths
{
    public const string DefaultSqlite = "Data Source=data/lvyue.db";
    public const string DefaultFiles = "data/files";

    /// <summary>The nearest folder at or above <paramref name="start"/> holding Lvyue.slnx, else <paramref name="start"/>.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lvyue.slnx"))) return dir.FullName;
        }
        return Path.GetFullPath(start);
    }

    /// <summary>Makes a relative SQLite file path absolute under <paramref name="root"/>; PostgreSQL is left alone.</summary>
    public static DatabaseOptions Resolve(DatabaseOptions options, string root)
    {
        if (options.IsPostgres) return options;
        var csb = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
            csb.DataSource = Path.Combine(root, csb.DataSource);
        return new DatabaseOptions { Provider = options.Provider, ConnectionString = csb.ToString() };
    }

    public static string ResolveFolder(string path, string root) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);
}
