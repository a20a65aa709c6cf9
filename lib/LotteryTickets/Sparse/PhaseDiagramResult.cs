namespace LotteryTickets.Sparse;

/// <summary>An empirical phase diagram: success fractions over the δ × ρ grid (immutable).</summary>
public sealed class PhaseDiagramResult
{
    private readonly double[,] success;
    private readonly int[,] sparsity;

    internal PhaseDiagramResult(PhaseDiagramOptions options, int[] measurements, int[,] sparsity, double[,] success, double seconds)
    {
        Options = options;
        Deltas = options.Deltas.ToArray();
        Rhos = options.Rhos.ToArray();
        Measurements = Array.AsReadOnly(measurements);
        this.sparsity = sparsity;
        this.success = success;
        ElapsedSeconds = seconds;
    }

    /// <summary>The settings the sweep ran with.</summary>
    public PhaseDiagramOptions Options { get; }

    /// <summary>δ values (rows of the grid).</summary>
    public IReadOnlyList<double> Deltas { get; }

    /// <summary>ρ values (columns of the grid).</summary>
    public IReadOnlyList<double> Rhos { get; }

    /// <summary>Measurements m for each δ.</summary>
    public IReadOnlyList<int> Measurements { get; }

    /// <summary>Trials per cell.</summary>
    public int Trials => Options.Trials;

    /// <summary>Wall-clock seconds of the sweep.</summary>
    public double ElapsedSeconds { get; }

    /// <summary>Fraction of successful trials in cell (δ index, ρ index).</summary>
    public double SuccessFraction(int deltaIndex, int rhoIndex) => success[deltaIndex, rhoIndex];

    /// <summary>Sparsity k used in cell (δ index, ρ index).</summary>
    public int Sparsity(int deltaIndex, int rhoIndex) => sparsity[deltaIndex, rhoIndex];

    /// <summary>A copy of the success fractions, [δ index, ρ index].</summary>
    public double[,] SuccessFractions() => (double[,])success.Clone();
}
