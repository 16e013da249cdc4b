using Lvyue.Organizations;

namespace Lvyue.Review.Extraction;

/// <summary>Computes the <see cref="ConsistencyFacts"/> of an extracted ledger.</summary>
internal static class ConsistencyCheck
{
    public static ConsistencyFacts Facts(LedgerExtraction x, LedgerExtractor.Scratch scratch)
    {
        var facts = new ConsistencyFacts
        {
            AmountInWords = scratch.AmountInWords,
            AmountInFigures = scratch.AmountInFigures,
            PurchaserNames = scratch.PurchaserNames,
            SupplierNames = scratch.SupplierNames,
        };
        if (scratch.AmountInWords is { } w && scratch.AmountInFigures is { } f) facts.AmountInWordsMatchesFigures = w == f;

        var schedule = x.PaymentSchedule;
        if (schedule.Count > 0 && schedule.All(p => p.Percent is not null)) facts.InstallmentPercentSum = schedule.Sum(p => p.Percent!.Value);
        if (schedule.Count > 0 && schedule.All(p => p.Amount is not null))
        {
            var sum = schedule.Sum(p => p.Amount!.Value);
            facts.InstallmentAmountSum = sum;
            var recurring = schedule.Count == 1 && schedule[0].Trigger == PaymentTriggers.Period;
            if (!recurring && x.AmountTotal is { } total)
                facts.InstallmentsMatchTotal = Math.Abs(sum - total.Value) <= 0.01m * schedule.Count;
        }

        var sign = x.SignDate?.Value;
        var effect = x.EffectiveDate?.Value;
        var start = x.StartDate?.Value;
        var end = x.EndDate?.Value;
        var delivery = x.DeliveryDate?.Value;
        var pairs = new List<bool>();
        if (sign is { } s1 && effect is { } e1) pairs.Add(s1 <= e1);
        if (start is { } s2 && end is { } e2) pairs.Add(s2 <= e2);
        if (sign is { } s3 && end is { } e3) pairs.Add(s3 <= e3);
        if (effect is { } s4 && end is { } e4) pairs.Add(s4 <= e4);
        if (sign is { } s5 && delivery is { } d5) pairs.Add(s5 <= d5);
        if (pairs.Count > 0) facts.DatesInOrder = pairs.All(p => p);

        facts.PurchaserNamedConsistently = Named(scratch.PurchaserNames, x.Purchaser.Name);
        facts.SupplierNamedConsistently = Named(scratch.SupplierNames, x.Supplier.Name);
        if (x.Purchaser.Uscc is { } pu) facts.PurchaserUsccValid = Uscc.IsValid(pu.Value);
        if (x.Supplier.Uscc is { } su) facts.SupplierUsccValid = Uscc.IsValid(su.Value);
        return facts;
    }

    private static bool? Named(List<Extracted<string>> mentions, Extracted<string>? name) =>
        name is null ? null : mentions.All(m => m.Value == name.Value);
}
