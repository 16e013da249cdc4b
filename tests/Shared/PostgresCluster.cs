using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lvyue.Testing;

/// <summary>
/// The PostgreSQL server the database tests use: the one named by the environment variable
/// <c>LVYUE_TEST_POSTGRES</c> (a connection string whose user may create databases), or else a
/// throwaway cluster started once per test process with the machine's <c>initdb</c>/<c>pg_ctl</c>
/// (PostgreSQL 15) on a free loopback port, and stopped and deleted when the process exits.
/// initdb refuses to run as root, so as root the cluster runs as the <c>postgres</c> user.
/// When no server can be had, every test that asks for one fails with a message saying how to get it.
/// </summary>
public static class PostgresCluster
{
    public const string EnvironmentVariable = "LVYUE_TEST_POSTGRES";
    private const string DirPrefix = "lvyue-pg-";

    /// <summary>Where clusters live: as root /tmp itself, since a TMPDIR under /root is closed to the postgres user.</summary>
    private static string TempRoot => Environment.UserName == "root" ? "/tmp" : Path.GetTempPath();

    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when the tests use the server of <c>LVYUE_TEST_POSTGRES</c> rather than a cluster of their own.</summary>
    public static bool IsExternal => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>A connection string to the server's maintenance database, for creating and dropping test databases.</summary>
    public static string AdminConnectionString => Server.Value;

    private static string Start()
    {
        if (IsExternal) return Environment.GetEnvironmentVariable(EnvironmentVariable)!;

        var bin = FindBinDirectory() ?? throw Unavailable(
            "initdb was not found on PATH nor in /usr/lib/postgresql/*/bin.");
        RemoveStaleClusters(bin);
        var dir = Path.Combine(TempRoot, $"{DirPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        try
        {
            if (asRoot) Run("chown", ["postgres:postgres", dir], asPostgres: false);
            var data = Path.Combine(dir, "data");
            Run(Path.Combine(bin, "initdb"),
                ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"], asRoot);
            var port = FreeLoopbackPort();
            var settings = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                           "-c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB";
            Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(dir, "server.log"), "-o", settings, "-w", "-t", "60", "start"], asRoot);
            StartReaper(bin, dir, asRoot);
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true";
        }
        catch (Exception e)
        {
            Stop(bin, dir, asRoot);
            throw Unavailable(e.Message);
        }
    }

    /// <summary>
    /// Starts a detached shell that waits for this process to end, however it ends (the test host is
    /// often killed rather than left to exit), then stops the cluster and deletes its directory.
    /// </summary>
    private static void StartReaper(string bin, string dir, bool asRoot)
    {
        static string Q(string s) => "'" + s.Replace("'", "'\\''") + "'";
        var stop = (asRoot ? $"{Q(RunUser)} -u postgres -- " : "") + $"{Q(Path.Combine(bin, "pg_ctl"))} -D {Q(Path.Combine(dir, "data"))} -m immediate -w stop";
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 0.2; done; {stop}; rm -rf {Q(dir)}";
        var psi = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var reaper = Process.Start(psi) ?? throw new InvalidOperationException("could not start the cleanup process");
    }

    private static InvalidOperationException Unavailable(string why) => new(
        "PostgreSQL is needed for the database tests, which run on both SQLite and PostgreSQL, but no server could be started: " +
        why + Environment.NewLine +
        "Install PostgreSQL 15 (`apt-get install postgresql` on Debian; `bash scripts/test.sh` does it for you), " +
        $"or set {EnvironmentVariable} to the connection string of a server whose user may create databases.");

    /// <summary>runuser lives in /usr/sbin, which a root PATH may lack.</summary>
    private static string RunUser => new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    private static string? FindBinDirectory()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, "initdb")).FirstOrDefault(File.Exists);
        if (onPath is not null) return Path.GetDirectoryName(ResolveLinks(onPath));
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.EnumerateDirectories(debian)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    /// <summary>Follows symbolic links (/usr/local/bin/initdb → /usr/lib/postgresql/15/bin/initdb).</summary>
    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <summary>Stops and deletes the clusters of earlier test processes that died without cleaning up.</summary>
    private static void RemoveStaleClusters(string bin)
    {
        foreach (var dir in Directory.EnumerateDirectories(TempRoot, DirPrefix + "*"))
        {
            var rest = Path.GetFileName(dir)[DirPrefix.Length..];
            var dash = rest.IndexOf('-');
            if (dash < 1 || !int.TryParse(rest[..dash], out var pid) || IsAlive(pid)) continue;
            Stop(bin, dir, Environment.UserName == "root");
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static void Stop(string bin, string dir, bool asRoot)
    {
        var data = Path.Combine(dir, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try { Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot); }
            catch (InvalidOperationException) { /* already stopped: the directory is removed all the same */ }
        }
        TryDelete(dir);
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { /* a file still held open; the next run's stale-cluster sweep removes it */ }
        catch (UnauthorizedAccessException) { /* as above */ }
    }

    private static void Run(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var psi = new ProcessStartInfo(asPostgres ? RunUser : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TempRoot,
        };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within 90 s");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} failed (exit {p.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}");
    }
}
