namespace Lvyue.Accounts;

/// <summary>The roles of DESIGN.md, including the three separated administrator duties of 等保.</summary>
public static class Roles
{
    public const string UnitClerk = "UnitClerk";
    public const string UnitLeader = "UnitLeader";
    public const string Supervisor = "Supervisor";
    public const string Inspector = "Inspector";
    public const string CreditOffice = "CreditOffice";
    public const string DisciplineInspector = "DisciplineInspector";
    public const string Supplier = "Supplier";
    public const string SystemAdmin = "SystemAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string AuditAdmin = "AuditAdmin";

    public static readonly IReadOnlyList<string> All =
        [UnitClerk, UnitLeader, Supervisor, Inspector, CreditOffice, DisciplineInspector, Supplier, SystemAdmin, SecurityAdmin, AuditAdmin];

    /// <summary>Roles scoped to one budget unit.</summary>
    public static readonly IReadOnlyList<string> UnitRoles = [UnitClerk, UnitLeader];

    /// <summary>Roles that see every contract of their region.</summary>
    public static readonly IReadOnlyList<string> RegionRoles = [Supervisor, Inspector, CreditOffice, DisciplineInspector];

    public static (string Zh, string En) Label(string role) => role switch
    {
        UnitClerk => ("预算单位经办人", "Unit clerk"),
        UnitLeader => ("单位负责人", "Unit leader"),
        Supervisor => ("财政局监管人员", "Finance supervisor"),
        Inspector => ("检查员", "Inspector"),
        CreditOffice => ("信用办", "Credit office"),
        DisciplineInspector => ("纪检监察", "Discipline inspector"),
        Supplier => ("供应商", "Supplier"),
        SystemAdmin => ("系统管理员", "System administrator"),
        SecurityAdmin => ("安全管理员", "Security administrator"),
        AuditAdmin => ("审计管理员", "Audit administrator"),
        _ => (role, role),
    };
}
