using System.Data.Common;
using Lvyue.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Lvyue.Contracts;

/// <summary>
/// Writes many new contracts with their supplier links and events, fast: on SQLite prepared INSERTs
/// (the FTS triggers fire as for any insert), on PostgreSQL binary COPY with ids reserved from the
/// identity sequence. Rows are buffered up to <see cref="BatchSize"/>, so memory stays flat.
/// It runs inside the caller's open transaction and bypasses the change tracker, and with it the
/// per-row audit of <see cref="LvyueDbContext.SaveChangesAsync(bool, CancellationToken)"/>: the caller
/// records what was written (budget commitments and a summary audit entry) in the same transaction.
/// </summary>
public sealed class ContractBulkWriter : IDisposable
{
    public const int BatchSize = 2000;

    private readonly LvyueDbContext _db;
    private List<Contract> _buffer = new(BatchSize);
    private Task _pending = Task.CompletedTask;
    private readonly DateTime _now;
    private readonly Dictionary<string, SqliteRowInserter> _inserters = [];
    private long _nextId;

    public ContractBulkWriter(LvyueDbContext db)
    {
        _db = db;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("ContractBulkWriter runs inside the caller's transaction.");
        _now = db.Clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Contracts written so far.</summary>
    public int Written { get; private set; }

    /// <summary>The smallest and largest contract id written (for the audit entry).</summary>
    public long FirstId { get; private set; }
    public long LastId { get; private set; }

    /// <summary>Queues a new contract (its <see cref="Contract.Suppliers"/> and <see cref="Contract.Events"/> too); ids are set when its batch is written.</summary>
    public async Task AddAsync(Contract contract, CancellationToken ct = default)
    {
        if (contract.CreatedAt == default) contract.CreatedAt = _now;
        if (contract.UpdatedAt == default) contract.UpdatedAt = contract.CreatedAt;
        _buffer.Add(contract);
        if (_buffer.Count >= BatchSize) await FlushAsync(ct);
    }

    /// <summary>
    /// Starts writing the buffered contracts in the background, after the previous batch is done, so
    /// that the caller prepares the next batch while this one is written. The caller must not use the
    /// context's connection until <see cref="CompleteAsync"/> has returned.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _pending;
        if (_buffer.Count == 0) return;
        var batch = _buffer;
        _buffer = new List<Contract>(BatchSize);
        _pending = Task.Run(() => WriteAsync(batch, ct), ct);
    }

    /// <summary>Writes what is still buffered and waits until every batch is written.</summary>
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        await FlushAsync(ct);
        await _pending;
    }

    public void Dispose()
    {
        try { _pending.GetAwaiter().GetResult(); }
        catch (Exception) { /* the failure was (or will be) reported by CompleteAsync; the transaction rolls back */ }
        foreach (var insert in _inserters.Values) insert.Dispose();
        _inserters.Clear();
    }

    private async Task WriteAsync(List<Contract> batch, CancellationToken ct)
    {
        if (_db.IsSqlite) await WriteSqliteAsync(batch, ct);
        else await WritePostgresAsync(batch, ct);
        if (FirstId == 0) FirstId = batch[0].Id;
        LastId = batch[^1].Id;
        Written += batch.Count;
    }

    private static readonly string[] ContractColumns =
    [
        "RegionId", "BudgetUnitId", "DepartmentId", "Number", "Title", "Category", "SubcategoryId", "ProcurementMethod",
        "Amount", "TaxRate", "SignDate", "EffectiveDate", "StartDate", "EndDate", "BudgetLineId", "IsKeyProject",
        "Confidentiality", "FilingRequired", "Status", "PurchaserContactName", "PurchaserContactPhone", "PurchaserContactEmail",
        "SupplierContactName", "SupplierContactPhone", "SupplierContactEmail", "SearchText", "CreatedAt", "UpdatedAt",
        "CreatedBy", "Version",
    ];

    private static object?[] Values(Contract c) =>
    [
        c.RegionId, c.BudgetUnitId, c.DepartmentId, c.Number, c.Title, c.Category.ToString(), c.SubcategoryId,
        c.ProcurementMethod.ToString(), c.Amount, c.TaxRate, c.SignDate, c.EffectiveDate, c.StartDate, c.EndDate,
        c.BudgetLineId, c.IsKeyProject, c.Confidentiality.ToString(), c.FilingRequired, c.Status.ToString(),
        c.PurchaserContactName, c.PurchaserContactPhone, c.PurchaserContactEmail, c.SupplierContactName,
        c.SupplierContactPhone, c.SupplierContactEmail, c.SearchText, c.CreatedAt, c.UpdatedAt, c.CreatedBy, c.Version,
    ];

    private static readonly string[] EventColumns = ["ContractId", "At", "Kind", "FromStatus", "ToStatus", "Note", "Actor"];

    private static object?[] Values(ContractEvent e) =>
        [e.ContractId, e.At, e.Kind, e.FromStatus?.ToString(), e.ToStatus?.ToString(), e.Note, e.Actor];

    /// <summary>
    /// SQLite: ids are assigned here (the transaction is BEGIN IMMEDIATE, so no other writer can take
    /// them meanwhile; AUTOINCREMENT's sqlite_sequence follows the largest id inserted), and rows go
    /// through <see cref="SqliteRowInserter"/>'s prepared statements bound by position.
    /// </summary>
    private async Task WriteSqliteAsync(List<Contract> batch, CancellationToken ct)
    {
        var conn = (SqliteConnection)_db.Database.GetDbConnection();
        var tx = (SqliteTransaction)_db.Database.CurrentTransaction!.GetDbTransaction();
        if (_nextId == 0)
        {
            await using var init = conn.CreateCommand();
            init.Transaction = tx;
            // A bigger page cache (64 MB) for this connection: the inserts touch nine indexes and the FTS index.
            init.CommandText = "PRAGMA cache_size = -65536";
            await init.ExecuteNonQueryAsync(ct);
            init.CommandText = "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'Contracts'), 0), coalesce((SELECT max(\"Id\") FROM \"Contracts\"), 0))";
            _nextId = Convert.ToInt64(await init.ExecuteScalarAsync(ct)) + 1;
        }
        var suppliers = new List<object?[]>();
        var events = new List<object?[]>();
        var contracts = new List<object?[]>(batch.Count);
        foreach (var c in batch)
        {
            c.Id = _nextId++;
            contracts.Add([c.Id, .. Values(c)]);
            foreach (var s in c.Suppliers)
            {
                s.ContractId = c.Id;
                suppliers.Add([s.ContractId, s.SupplierId, s.SortOrder]);
            }
            foreach (var e in c.Events)
            {
                e.ContractId = c.Id;
                if (e.At == default) e.At = c.CreatedAt;
                events.Add(Values(e));
            }
        }
        Insert(conn, "Contracts", ["Id", .. ContractColumns], contracts);
        Insert(conn, "ContractSuppliers", ["ContractId", "SupplierId", "SortOrder"], suppliers);
        Insert(conn, "ContractEvents", EventColumns, events);
    }

    private void Insert(SqliteConnection conn, string table, string[] columns, List<object?[]> rows)
    {
        if (!_inserters.TryGetValue(table, out var insert)) _inserters[table] = insert = new SqliteRowInserter(conn, table, columns);
        insert.Insert(rows);
    }

    private async Task WritePostgresAsync(List<Contract> batch, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)_db.Database.GetDbConnection();
        await using (var cmd = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('\"Contracts\"', 'Id')) FROM generate_series(1, @n)", conn))
        {
            cmd.Parameters.AddWithValue("n", batch.Count);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var k = 0;
            while (await r.ReadAsync(ct)) batch[k++].Id = r.GetInt64(0);
        }
        var columns = string.Join(", ", ContractColumns.Prepend("Id").Select(c => $"\"{c}\""));
        await using (var w = await conn.BeginBinaryImportAsync($"COPY \"Contracts\" ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in batch)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(c.Id, NpgsqlDbType.Bigint, ct);
                foreach (var v in Values(c)) await WriteAsync(w, v, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY \"ContractSuppliers\" (\"ContractId\", \"SupplierId\", \"SortOrder\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in batch)
            {
                foreach (var s in c.Suppliers)
                {
                    s.ContractId = c.Id;
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(s.ContractId, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(s.SupplierId, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(s.SortOrder, NpgsqlDbType.Integer, ct);
                }
            }
            await w.CompleteAsync(ct);
        }
        var eventColumns = string.Join(", ", EventColumns.Select(c => $"\"{c}\""));
        await using (var w = await conn.BeginBinaryImportAsync($"COPY \"ContractEvents\" ({eventColumns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in batch)
            {
                foreach (var e in c.Events)
                {
                    e.ContractId = c.Id;
                    if (e.At == default) e.At = c.CreatedAt;
                    await w.StartRowAsync(ct);
                    foreach (var v in Values(e)) await WriteAsync(w, v, ct);
                }
            }
            await w.CompleteAsync(ct);
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter w, object? value, CancellationToken ct) => value switch
    {
        null => w.WriteNullAsync(ct),
        long l => w.WriteAsync(l, NpgsqlDbType.Bigint, ct),
        int i => w.WriteAsync(i, NpgsqlDbType.Integer, ct),
        string s => w.WriteAsync(s, NpgsqlDbType.Varchar, ct),
        decimal d => w.WriteAsync(d, NpgsqlDbType.Numeric, ct),
        bool b => w.WriteAsync(b, NpgsqlDbType.Boolean, ct),
        DateOnly d => w.WriteAsync(d, NpgsqlDbType.Date, ct),
        DateTime t => w.WriteAsync(DateTime.SpecifyKind(t, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct),
        _ => throw new InvalidOperationException($"No COPY mapping for {value.GetType()}"),
    };
}
