using Lvyue.Contracts;
using Lvyue.Credit;
using Lvyue.Evaluation;
using Lvyue.Performance;

namespace Lvyue.Risk;

/// <summary>How much a finding weighs in the counterparty check.</summary>
public enum RiskLevel
{
    /// <summary>Nothing of concern found (or only information).</summary>
    Low,
    /// <summary>Look closer before choosing this supplier.</summary>
    Medium,
    /// <summary>A bar to choosing, or a serious record.</summary>
    High,
}

/// <summary>One finding of the check, with the data it comes from, in both languages.</summary>
public sealed record RiskFlag(RiskLevel Level, string Code, string Zh, string En);

/// <summary>A supplier's star rating in one category (from <see cref="StarRatingService"/>'s stored ratings).</summary>
public sealed record CategoryRating(Category Category, decimal Stars, decimal Score, int ContractCount, int AssessmentCount, DateOnly AsOf);

/// <summary>The supplier's latest credit grade.</summary>
public sealed record CounterpartyGrade(int Year, CreditGradeLevel Grade, decimal Score, string Reason, string ReasonEn, DateOnly AsOf);

/// <summary>A credit record of the supplier; <see cref="Counts"/> when it is counted and not expired on the check's date.</summary>
public sealed record CounterpartyCreditRecord(DateOnly OccurredOn, CreditSource Source, string Kind, int Points, bool Dishonest, bool Counts,
    DateOnly? ExpiresOn, string Summary, string SummaryEn);

/// <summary>A restriction from procurement in force on the check's date (<see cref="SanctionQueries.InForceOn"/>).</summary>
public sealed record CounterpartySanction(long RegionId, string RegionName, DateOnly From, DateOnly Until, string Reason);

/// <summary>
/// A supplier-responsible milestone in the overdue register (逾期执行库) of the region. The contract number is given only
/// when the caller may see the contract; the unit (a public body) always.
/// </summary>
public sealed record CounterpartyOverdue(MilestoneKind Kind, DateOnly DueDate, DateOnly EnteredOn, int DaysOverdue, string UnitName, string? ContractNumber, long? ContractId);

/// <summary>A termination register (终止库) entry of a contract with the supplier in the region.</summary>
public sealed record CounterpartyTermination(DateOnly EnteredOn, BreachingParty? Outcome, DateOnly? OutcomeOn, string UnitName, string? ContractNumber, long? ContractId);

/// <summary>The supplier's filed contracts with the region: how many and for how much, by status.</summary>
public sealed record CounterpartyContracts(int Count, decimal Amount, int Performing, int Completed, int Terminated, DateOnly? FirstSigned, DateOnly? LastSigned);

/// <summary>A policy event of an assessment about the supplier (bid ban, termination right, deduction).</summary>
public sealed record CounterpartyPolicyEvent(PolicyEventKind Kind, int? Year, decimal? Amount, DateOnly On, string Reason, string ReasonEn, bool InForce);

/// <summary>
/// Everything a budget unit's clerk checks before choosing a supplier (相对方核查): who it is, its star ratings, credit
/// grade and records, restrictions in force, its overdue and termination register entries and its contracts with the
/// region, the policy events against it — and the findings with the overall <see cref="Level"/>.
/// </summary>
public sealed record CounterpartyReport(
    long SupplierId, string Name, string Uscc, bool IsSme, DateOnly AsOf, long? RegionId, string? RegionName,
    RiskLevel Level, IReadOnlyList<RiskFlag> Flags,
    IReadOnlyList<CategoryRating> Ratings, CounterpartyGrade? Grade, IReadOnlyList<CounterpartyCreditRecord> CreditRecords,
    IReadOnlyList<CounterpartySanction> Sanctions, IReadOnlyList<CounterpartyOverdue> Overdue, int OverdueClosed,
    IReadOnlyList<CounterpartyTermination> Terminations, CounterpartyContracts Contracts, IReadOnlyList<CounterpartyPolicyEvent> PolicyEvents);

/// <summary>A supplier found by the search, with the headline of its check.</summary>
public sealed record CounterpartyMatch(long SupplierId, string Name, string Uscc, decimal? BestStars, CreditGradeLevel? Grade, bool Restricted);
