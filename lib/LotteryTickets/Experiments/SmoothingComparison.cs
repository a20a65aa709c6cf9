namespace LotteryTickets.Experiments;

/// <summary>
/// Section 5's comparison: the same IMP run trained with plain cross-entropy and with label smoothing ε
/// (<see cref="Training.TrainingHparams.LabelSmoothing"/>), both measuring the gradient noise while they train: the
/// sparsest level each keeps within <see cref="Tolerance"/> points of its own dense accuracy, and B_simple across the
/// levels side by side.
/// </summary>
/// <param name="Plain">IMP with ε = 0 and <see cref="Training.TrainingHparams.GradientNoise"/> set.</param>
/// <param name="Smoothed">The same with ε &gt; 0.</param>
public sealed record SmoothingComparison(TicketExperimentResult Plain, TicketExperimentResult Smoothed)
{
    /// <summary>"Still matches dense": within this many accuracy points of dense (default 0.5), at that level and every denser one.</summary>
    public double Tolerance { get; init; } = 0.5;

    /// <summary>The sparsest weights-remaining (%) of the plain run within <see cref="Tolerance"/> of its dense
    /// accuracy (null: not level 1).</summary>
    public double? PlainFrontier => StructuredComparison.SparsestWithin(Plain.Ticket, Plain.DenseAccuracy, Tolerance);

    /// <summary>The same for the smoothed run, against its own dense accuracy.</summary>
    public double? SmoothedFrontier => StructuredComparison.SparsestWithin(Smoothed.Ticket, Smoothed.DenseAccuracy, Tolerance);

    /// <summary>The same for the smoothed run, against the plain run's dense accuracy.</summary>
    public double? SmoothedFrontierAgainstPlainDense => StructuredComparison.SparsestWithin(Smoothed.Ticket, Plain.DenseAccuracy, Tolerance);
}
