using System.Data.Common;
using Lvyue.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lvyue.Jobs;

/// <summary>Plain ADO.NET commands on a context's connection, enlisted in its current transaction (for statements EF cannot express: SKIP LOCKED, ON CONFLICT, RETURNING).</summary>
public static class Sql
{
    public static async Task<int> ExecuteAsync(LvyueDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        await using var cmd = await CommandAsync(db, sql, args, ct);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first column of every row.</summary>
    public static async Task<List<long>> LongsAsync(LvyueDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        if (db.IsSqlite && db.Database.CurrentTransaction is null && !sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            // SQLite reports a busy database from the step that reads an UPDATE/INSERT … RETURNING row, which
            // Microsoft.Data.Sqlite does not retry; BEGIN IMMEDIATE waits for the write lock first (busy timeout).
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = await LongsAsync(db, sql, ct, args);
            await tx.CommitAsync(ct);
            return rows;
        }
        await using var cmd = await CommandAsync(db, sql, args, ct);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<long>();
        while (await r.ReadAsync(ct)) list.Add(Convert.ToInt64(r.GetValue(0)));
        return list;
    }

    private static async Task<DbCommand> CommandAsync(LvyueDbContext db, string sql, (string Name, object? Value)[] args, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value switch
            {
                null => DBNull.Value,
                DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
                _ => value,
            };
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
