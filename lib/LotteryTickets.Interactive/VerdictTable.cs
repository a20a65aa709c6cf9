using LotteryTickets.Statistics;
using System.Globalization;
using System.Net;
using System.Text;

namespace LotteryTickets.Interactive;

/// <summary>
/// What a notebook shows at its end (<see cref="NotebookSession.Verdicts"/>): one row per claim of its section of the
/// chapter — the claim, this run's measurement (mean ± standard error, n), the full budget's measurement from the
/// committed record, and each verdict — then, for each claim that does not hold or stays within noise, why.
/// </summary>
/// <param name="Budget">This run's budget.</param>
/// <param name="Rows">This run's claims, in order.</param>
/// <param name="Full">The full-budget record (null when there is none yet; this run's own when it ran at the full budget).</param>
public sealed record VerdictTable(string Budget, IReadOnlyList<ClaimResult> Rows, VerdictRecord? Full)
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The verdict rule in words, as every table states it.</summary>
    public static string RuleText => string.Format(C,
        "Verdict rule: a claim holds when this run's measurement ± {0} standard errors (the mean over seeds, the median over timing " +
        "repeats, a share of n trials as the Agresti–Coull estimate (k + 2)/(n + 4), or a crossing with its bootstrap standard error; " +
        "n given) lies wholly on its side of the threshold, does not hold when it lies wholly on the other side, and is within " +
        "noise otherwise, or with fewer than {1} replicates.",
        VerdictRule.StandardErrors, VerdictRule.MinimumReplicates);

    /// <summary>A measurement as shown: "+0.85 ± 0.21 (n = 3)".</summary>
    public static string Show(Estimate e, string format) =>
        double.IsFinite(Check.NotNull(e).StandardError)
            ? string.Format(C, "{0} ± {1} (n = {2})", e.Mean.ToString(format, C), e.StandardError.ToString("0.00", C), e.Count)
            : string.Format(C, "{0} (n = {1})", e.Mean.ToString(format, C), e.Count);

    /// <summary>A verdict as shown.</summary>
    public static string Show(Verdict v) => SerialNames.Of(v);

    /// <summary>A claim's threshold as shown, e.g. "> 0" or "&lt; −0.5".</summary>
    public static string Show(ClaimResult c) => (Check.NotNull(c).Side == ClaimSide.Above ? "> " : "< ") + c.Threshold.ToString("0.##", C);

    bool IsFullRun => Budget == Experiments.Budget.Full.Name;

    /// <summary>The table as HTML (the notebook's output and the book's).</summary>
    public string ToHtml()
    {
        var header = IsFullRun
            ? new[] { "claim", "measured", "claim says", "full budget (this run)", "verdict" }
            : new[] { "claim", "measured", "claim says", $"{Budget} budget (this run)", "verdict", "full budget (record)", "verdict" };
        var rows = Rows.Select(r =>
        {
            var cells = new List<string> { r.Statement, r.Measure, Show(r), Show(r.Measured, r.Format), Show(r.Verdict) };
            if (!IsFullRun)
            {
                var f = Full?.Find(r.Id);
                cells.Add(f is null ? "no record yet" : Show(f.Measured, f.Format));
                cells.Add(f is null ? "—" : Show(f.Verdict));
            }
            return (IReadOnlyList<string>)cells;
        });
        var sb = new StringBuilder(HtmlTable.Render("Claims against this run", header, rows));
        sb.Append("<p style=\"font-size:0.85em\">").Append(WebUtility.HtmlEncode(RuleText)).Append(' ')
          .Append(WebUtility.HtmlEncode(Provenance())).Append("</p>");
        foreach (var r in Rows.Where(r => r.Why is not null && (r.Verdict != Verdict.Holds || Full?.Find(r.Id) is { Verdict: not Verdict.Holds })))
            sb.Append("<p><b>").Append(WebUtility.HtmlEncode(Short(r.Statement))).Append("</b> ")
              .Append(WebUtility.HtmlEncode(r.Why!)).Append("</p>");
        return sb.ToString();
    }

    string Provenance() => IsFullRun || Full is null
        ? (IsFullRun ? "" : "The full budget has not been recorded for this notebook yet (run the reproduce command with --budget full).")
        : string.Format(C, "Full budget recorded {0:yyyy-MM-dd} on {1}, commit {2}.", Full.Date, Full.Machine, Full.Commit);

    static string Short(string statement) => statement.Length <= 80 ? statement : statement[..77] + "…";

    /// <inheritdoc />
    public override string ToString() => string.Join("\n", Rows.Select(r =>
    {
        var f = Full?.Find(r.Id);
        return $"{r.Id}: {Show(r.Measured, r.Format)} ({Show(r)}) → {Show(r.Verdict)}" +
            (IsFullRun || f is null ? "" : $"; full budget {Show(f.Measured, f.Format)} → {Show(f.Verdict)}");
    }));
}
