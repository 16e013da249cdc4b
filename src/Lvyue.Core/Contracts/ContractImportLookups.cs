using Lvyue.Data;
using Lvyue.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Lvyue.Contracts;

/// <summary>
/// The reference data a contract import checks rows against, loaded once (units, regions,
/// subcategories) or on first use per unit (budget lines, departments, thresholds) or per batch of
/// rows (suppliers by USCC, existing contract numbers), so no row costs a query of its own.
/// Budget lines and contracts are read through the tenancy filters of the caller.
/// </summary>
internal sealed class ContractImportLookups(LvyueDbContext db)
{
    internal sealed record UnitInfo(long Id, long RegionId, string Code, string Name);
    internal sealed record LineInfo(long Id, string Code, string Name, decimal Amount, decimal Committed)
    {
        public decimal Available => Amount - Committed;
    }
    internal sealed record SupplierInfo(long Id, string Name, string Uscc);

    private Dictionary<string, List<UnitInfo>> _units = [];
    private Dictionary<string, long> _regions = [];
    private readonly Dictionary<string, Subcategory> _subcategories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, Dictionary<(int Year, string Code), LineInfo>> _lines = [];
    private readonly Dictionary<long, Dictionary<string, long>> _departments = [];
    private Dictionary<long, List<FilingThreshold>> _thresholds = [];
    private readonly Dictionary<string, SupplierInfo?> _suppliers = [];

    public async Task LoadAsync(CancellationToken ct)
    {
        _units = (await db.BudgetUnits.AsNoTracking().Select(u => new UnitInfo(u.Id, u.RegionId, u.Code, u.Name)).ToListAsync(ct))
            .GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.ToList());
        _regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        _thresholds = (await db.FilingThresholds.AsNoTracking().ToListAsync(ct)).GroupBy(t => t.RegionId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var s in await db.Subcategories.AsNoTracking().Where(s => s.IsActive).ToListAsync(ct))
        {
            _subcategories.TryAdd(s.Code, s);
            _subcategories.TryAdd(s.Name, s);
            _subcategories.TryAdd(s.NameEn, s);
        }
    }

    /// <summary>The units with this code (several when regions reuse a code), optionally within one region.</summary>
    public IReadOnlyList<UnitInfo> Units(string code, string? regionCode)
    {
        if (!_units.TryGetValue(code, out var list)) return [];
        if (regionCode is null) return list;
        return _regions.TryGetValue(regionCode, out var rid) ? list.Where(u => u.RegionId == rid).ToList() : [];
    }

    public bool RegionExists(string code) => _regions.ContainsKey(code);

    public Subcategory? Subcategory(string key) => _subcategories.GetValueOrDefault(key.Trim());

    public async Task<LineInfo?> LineAsync(long unitId, int year, string code, CancellationToken ct)
    {
        if (!_lines.TryGetValue(unitId, out var map))
        {
            map = (await db.BudgetLines.AsNoTracking().Where(l => l.BudgetUnitId == unitId)
                    .Select(l => new { l.Year, Info = new LineInfo(l.Id, l.Code, l.Name, l.Amount, l.Committed) }).ToListAsync(ct))
                .ToDictionary(l => (l.Year, l.Info.Code), l => l.Info);
            _lines[unitId] = map;
        }
        return map.GetValueOrDefault((year, code));
    }

    /// <summary>The id of a department given as a path such as 办公室/财务组.</summary>
    public async Task<long?> DepartmentAsync(long unitId, string path, CancellationToken ct)
    {
        if (!_departments.TryGetValue(unitId, out var map))
        {
            var rows = await db.Departments.AsNoTracking().Where(d => d.BudgetUnitId == unitId).ToListAsync(ct);
            var byId = rows.ToDictionary(d => d.Id);
            string PathOf(Department d) => d.ParentId is { } p && byId.TryGetValue(p, out var parent) ? PathOf(parent) + "/" + d.Name : d.Name;
            map = new Dictionary<string, long>();
            foreach (var d in rows) map.TryAdd(PathOf(d), d.Id);
            _departments[unitId] = map;
        }
        return map.TryGetValue(NormalizePath(path), out var id) ? id : null;
    }

    public static string NormalizePath(string path) =>
        string.Join('/', path.Split(['/', '／', '\\'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Loads the suppliers of these codes not yet looked up.</summary>
    public async Task LoadSuppliersAsync(IEnumerable<string> usccs, CancellationToken ct)
    {
        var missing = usccs.Where(u => !_suppliers.ContainsKey(u)).Distinct().ToList();
        foreach (var chunk in missing.Chunk(500))
        {
            var found = await db.Suppliers.AsNoTracking().Where(s => chunk.Contains(s.Uscc))
                .Select(s => new SupplierInfo(s.Id, s.Name, s.Uscc)).ToListAsync(ct);
            foreach (var code in chunk) _suppliers[code] = found.FirstOrDefault(s => s.Uscc == code);
        }
    }

    public SupplierInfo? Supplier(string uscc) => _suppliers.GetValueOrDefault(uscc);

    /// <summary>Which of <paramref name="numbers"/> the unit already uses (whatever the caller may see).</summary>
    public async Task<HashSet<string>> ExistingNumbersAsync(long unitId, IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var set = new HashSet<string>();
        foreach (var chunk in numbers.Chunk(500))
        {
            set.UnionWith(await db.Contracts.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.BudgetUnitId == unitId && chunk.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct));
        }
        return set;
    }

    /// <summary>The filing-threshold rule of <see cref="FilingService.IsFilingRequiredAsync"/> over the thresholds loaded at start.</summary>
    public bool FilingRequired(long regionId, Category category, ProcurementMethod method, decimal amount)
    {
        var best = _thresholds.GetValueOrDefault(regionId, [])
            .Where(t => (t.Category is null || t.Category == category) && (t.Method is null || t.Method == method))
            .OrderByDescending(t => (t.Category is null ? 0 : 2) + (t.Method is null ? 0 : 1))
            .FirstOrDefault();
        return best is null || amount >= best.MinAmount;
    }
}
