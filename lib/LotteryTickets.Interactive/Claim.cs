using LotteryTickets.Statistics;

namespace LotteryTickets.Interactive;

/// <summary>
/// A claim of the chapter as a notebook tests it: the claim in a sentence, the quantity measured for it, and the side
/// of a threshold the claim puts that quantity on (<see cref="VerdictRule"/>). Its wording belongs to the notebook
/// layer (each <c>Curriculum</c> class states its section's claims); <see cref="Against"/> sets a measurement beside it.
/// </summary>
/// <param name="Id">A short stable key (e.g. <c>"matches-dense"</c>): rows of a run and of the full-budget record pair by it.</param>
/// <param name="Statement">The chapter's claim, paraphrased in one sentence.</param>
/// <param name="Measure">What is measured for it, with its unit (e.g. "ticket − dense accuracy at 10.7 % of the weights, points").</param>
/// <param name="Threshold">The value the claim puts the quantity above or below.</param>
/// <param name="Side">Which side of <paramref name="Threshold"/> the claim puts it.</param>
public sealed record Claim([property: NotEmpty] string Id, [property: NotEmpty] string Statement, [property: NotEmpty] string Measure,
    double Threshold, ClaimSide Side) : IValidated
{
    /// <summary>Why a measurement can differ from the claim (mechanism, data size, budget): shown under the table when the
    /// claim does not hold or stays within noise. Words only: the numbers are the table's.</summary>
    public string? Why { get; init; }

    /// <summary>How the quantity is printed (.NET numeric format), default two decimals with a sign.</summary>
    public string Format { get; init; } = "+0.00;-0.00;0.00";

    /// <summary>True when the quantity is a wall-clock time or a ratio of times: its verdict belongs to the machine that
    /// measured it, so a quick run on another machine is not compared with the full record's (see <see cref="VerdictRecord.Machine"/>).</summary>
    public bool Timed { get; init; }

    /// <inheritdoc />
    public void CheckRelations() => Check.That(double.IsFinite(Threshold), $"Threshold must be finite; got {Threshold}.", nameof(Threshold));

    /// <summary>This claim beside a measurement of its quantity, with the verdict of <see cref="VerdictRule"/>.</summary>
    public ClaimResult Against(Estimate measured)
    {
        Validation.Check(this);
        Check.NotNull(measured);
        return new ClaimResult(Id, Statement, Measure, Threshold, Side, measured, VerdictRule.Decide(measured, Threshold, Side))
        {
            Why = Why, Format = Format, Timed = Timed,
        };
    }
}
