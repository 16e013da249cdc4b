using System.Data.Common;
using Lvyue.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Tests.Data;

/// <summary>
/// The shape of a database as lines of text, one per column, index and constraint
/// (e.g. <c>column Contracts.Amount INTEGER NOT NULL</c>), read from SQLite's pragmas or
/// PostgreSQL's catalogs, so two databases can be compared line by line.
/// </summary>
internal static class SchemaSnapshot
{
    private const string SqliteColumns = """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || CASE WHEN p."notnull" = 1 THEN ' NOT NULL' ELSE '' END
            || CASE WHEN p.pk > 0 THEN ' PK' || p.pk ELSE '' END
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """;

    private const string SqliteIndexes = """
        SELECT 'index ' || m.name || '.' || il.name || CASE WHEN il."unique" = 1 THEN ' UNIQUE' ELSE '' END || ' ('
            || (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(il.name) ii ORDER BY ii.seqno)) || ')'
        FROM sqlite_master m JOIN pragma_index_list(m.name) il
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND il.origin = 'c'
        """;

    private const string SqliteForeignKeys = """
        SELECT 'foreign key ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ON DELETE ' || f.on_delete
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """;

    private const string PostgresColumns = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
            || COALESCE('(' || character_maximum_length || ')', '')
            || COALESCE('(' || numeric_precision || ',' || numeric_scale || ')', '')
            || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
            || CASE WHEN is_identity = 'YES' THEN ' IDENTITY' ELSE '' END
            || COALESCE(' DEFAULT ' || column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public'
        """;

    private const string PostgresIndexes = """
        SELECT 'index ' || tablename || '.' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        """;

    private const string PostgresConstraints = """
        SELECT 'constraint ' || conrelid::regclass::text || '.' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'f', 'c')
        """;

    public static async Task<SortedSet<string>> ReadAsync(TestDatabase database)
    {
        await using var s = database.AsSystem();
        await s.Db.Database.OpenConnectionAsync();
        var conn = s.Db.Database.GetDbConnection();
        var queries = database.IsPostgres
            ? new[] { PostgresColumns, PostgresIndexes, PostgresConstraints }
            : new[] { SqliteColumns, SqliteIndexes, SqliteForeignKeys };
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var q in queries)
        {
            foreach (var line in await ReadLinesAsync(conn, q)) lines.Add(line);
        }
        return lines;
    }

    private static async Task<List<string>> ReadLinesAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }
}
