using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Data;

/// <summary>One versioned schema script.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql)
{
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

/// <summary>
/// Versioned migrations as plain SQL, one folder per provider (Data/Migrations/sqlite, …/postgres),
/// files named <c>NNNN_name.sql</c>. Applied in order, each in its own transaction, recorded in
/// <c>__lvyue_schema</c> with a checksum so an edited applied script is caught. On PostgreSQL an
/// advisory lock keeps two starting instances from migrating at once. See docs/adr/0002.
/// </summary>
public sealed class SchemaMigrator(LvyueDbContext db)
{
    private const long AdvisoryLockKey = 0x4C7679756521; // "Lvyue!"

    private string Folder => db.IsSqlite ? "sqlite" : "postgres";

    /// <summary>The scripts shipped for this provider, in version order.</summary>
    public IReadOnlyList<SchemaScript> Scripts()
    {
        var asm = typeof(SchemaMigrator).Assembly;
        var prefix = $"migrations/{Folder}/";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(asm, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>The versions already applied.</summary>
    public async Task<IReadOnlyList<int>> AppliedAsync(CancellationToken ct = default)
    {
        var conn = await OpenAsync(ct);
        await EnsureHistoryAsync(conn, ct);
        return (await ReadHistoryAsync(conn, ct)).Keys.Order().ToList();
    }

    /// <summary>Applies every pending script (up to <paramref name="targetVersion"/> if given); returns how many ran.</summary>
    public async Task<int> MigrateAsync(int? targetVersion = null, CancellationToken ct = default)
    {
        var conn = await OpenAsync(ct);
        if (!db.IsSqlite) await ExecAsync(conn, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await EnsureHistoryAsync(conn, ct);
            var applied = await ReadHistoryAsync(conn, ct);
            var ran = 0;
            foreach (var script in Scripts())
            {
                if (targetVersion is { } t && script.Version > t) break;
                if (applied.TryGetValue(script.Version, out var sum))
                {
                    if (sum != script.Checksum)
                        throw new InvalidOperationException(
                            $"Schema script {script.Version:D4}_{script.Name} was changed after it was applied; add a new script instead.");
                    continue;
                }
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecAsync(conn, tx, script.Sql, ct);
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO __lvyue_schema (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a)";
                    Param(cmd, "@v", script.Version);
                    Param(cmd, "@n", script.Name);
                    Param(cmd, "@c", script.Checksum);
                    Param(cmd, "@a", DateTime.UtcNow.ToString("O"));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                ran++;
            }
            return ran;
        }
        finally
        {
            if (!db.IsSqlite) await ExecAsync(conn, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", ct);
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return conn;
    }

    private static SchemaScript Load(Assembly asm, string resource, string fileStem)
    {
        using var s = asm.GetManifestResourceStream(resource)!;
        using var r = new StreamReader(s, Encoding.UTF8);
        var us = fileStem.IndexOf('_');
        if (us < 1 || !int.TryParse(fileStem[..us], out var version))
            throw new InvalidOperationException($"Schema script '{fileStem}' is not named NNNN_name.sql");
        return new SchemaScript(version, fileStem[(us + 1)..], r.ReadToEnd());
    }

    private static Task EnsureHistoryAsync(DbConnection conn, CancellationToken ct) => ExecAsync(conn, null,
        "CREATE TABLE IF NOT EXISTS __lvyue_schema (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL)", ct);

    private static async Task<Dictionary<int, string>> ReadHistoryAsync(DbConnection conn, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT version, checksum FROM __lvyue_schema";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var d = new Dictionary<int, string>();
        while (await r.ReadAsync(ct)) d[Convert.ToInt32(r.GetValue(0))] = r.GetString(1);
        return d;
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Param(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
