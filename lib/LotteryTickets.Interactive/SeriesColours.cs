namespace LotteryTickets.Interactive;

/// <summary>
/// One colour per concept across the whole collection, so that a reader who learnt "orange is the random
/// re-initialisation" in notebook 0 reads every later chart the same way: tickets blue, re-inits orange, random masks
/// green, dense black, the speed variants, the ℓ1 solvers, and reference lines (break-even, guarantees, predictions,
/// a teacher) dashed grey. Two series of one chart never share a colour: a second series of a concept takes the next
/// colour no other series of that chart has.
/// </summary>
internal static class SeriesColours
{
    /// <summary>How a series is drawn.</summary>
    public sealed record Style(string Colour, bool Dashed);

    const string Reference = "#5f6368";

    /// <summary>Keyword (case-insensitive, first match wins) → colour. Order matters: "unstructured, dense kernel
    /// (masked)" is a speed variant, not the dense network; "FISTA" is not "ISTA".</summary>
    static readonly (string Keyword, string Colour)[] Concepts =
    [
        ("re-init", "#ff7f0e"),
        ("random mask", "#2ca02c"),
        ("(masked)", "#9467bd"),
        ("sparse kernel", "#8c564b"),
        ("compacted", "#17becf"),
        ("fista", "#d62728"),
        ("ista", "#e377c2"),
        ("proximal newton", "#1f77b4"),
        ("subgradient", "#bcbd22"),
        ("ticket", "#1f77b4"),
        ("dense", "#222222"),
    ];

    static readonly string[] ReferenceKeywords = ["break-even", "guarantee", "prediction", "theoretical", "threshold", "ticket size", "teacher",
        "example η"];

    static readonly string[] Spare = ["#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f"];

    /// <summary>The style of each series of one chart, in order.</summary>
    public static IReadOnlyList<Style> Assign(IReadOnlyList<string> names)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var styles = new List<Style>();
        foreach (var name in names)
        {
            string lower = name.ToLowerInvariant();
            bool reference = ReferenceKeywords.Any(k => lower.Contains(k, StringComparison.Ordinal));
            string? colour = reference ? Reference : Concepts.FirstOrDefault(c => lower.Contains(c.Keyword, StringComparison.Ordinal)).Colour;
            if (colour is null || (used.Contains(colour) && !reference))
                colour = Spare.FirstOrDefault(c => !used.Contains(c)) ?? Spare[styles.Count % Spare.Length];
            used.Add(colour);
            styles.Add(new Style(colour, reference));
        }
        return styles;
    }
}
