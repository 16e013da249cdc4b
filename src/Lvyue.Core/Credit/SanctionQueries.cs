namespace Lvyue.Credit;

/// <summary>The one definition of a restriction in force, shared by the credit office and the filing check.</summary>
public static class SanctionQueries
{
    /// <summary>Restrictions not lifted whose period covers <paramref name="day"/>.</summary>
    public static IQueryable<Sanction> InForceOn(this IQueryable<Sanction> sanctions, DateOnly day) =>
        sanctions.Where(s => s.LiftedAt == null && s.From <= day && s.Until >= day);
}
