using Lvyue.Data;
using Microsoft.Data.Sqlite;

namespace Lvyue.Web.Hosting;

/// <summary>
/// Resolves the relative paths of the SQLite file and the file store. They are relative to
/// <c>DataRoot</c> when configured, else to the checkout's root (the folder holding Lvyue.slnx, so
/// `dotnet run --project src/Lvyue.Web` keeps its data in ./data of the repository), else to the content root.
/// </summary>
public static class DataPaths
{
    public static string Root(IConfiguration config, IWebHostEnvironment env)
    {
        if (config["DataRoot"] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(env.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lvyue.slnx"))) return dir.FullName;
        }
        return env.ContentRootPath;
    }

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
