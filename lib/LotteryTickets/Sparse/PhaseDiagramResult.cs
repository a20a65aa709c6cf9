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

    /// <summary>The grid's numbers as a JSON-serialisable record (for <c>RunStore.GetOrCompute</c>).</summary>
    public PhaseDiagramRecord ToRecord() => new(
        Options,
        Measurements.ToArray(),
        Enumerable.Range(0, Deltas.Count).Select(i => (IReadOnlyList<int>)Enumerable.Range(0, Rhos.Count).Select(j => sparsity[i, j]).ToArray()).ToArray(),
        Enumerable.Range(0, Deltas.Count).Select(i => (IReadOnlyList<double>)Enumerable.Range(0, Rhos.Count).Select(j => success[i, j]).ToArray()).ToArray(),
        ElapsedSeconds);

    /// <summary>A result from its record (e.g. loaded from the run store); the grid's shape is checked.</summary>
    public static PhaseDiagramResult FromRecord(PhaseDiagramRecord record)
    {
        Check.NotNull(record);
        Check.NotNull(record.Options, nameof(PhaseDiagramRecord.Options));
        int nd = record.Options.Deltas.Count, nr = record.Options.Rhos.Count;
        Check.That(record.Measurements?.Count == nd, $"Measurements must have one value per δ ({nd}).", nameof(PhaseDiagramRecord.Measurements));
        Check.That(record.Sparsity?.Count == nd && record.Sparsity.All(r => r?.Count == nr),
            $"Sparsity must be {nd} × {nr}.", nameof(PhaseDiagramRecord.Sparsity));
        Check.That(record.Success?.Count == nd && record.Success.All(r => r?.Count == nr && r.All(v => v >= 0 && v <= 1)),
            $"Success must be {nd} × {nr} fractions in [0, 1].", nameof(PhaseDiagramRecord.Success));
        var k = new int[nd, nr];
        var s = new double[nd, nr];
        for (int i = 0; i < nd; i++)
            for (int j = 0; j < nr; j++) { k[i, j] = record.Sparsity![i][j]; s[i, j] = record.Success![i][j]; }
        return new PhaseDiagramResult(record.Options, record.Measurements!.ToArray(), k, s, record.ElapsedSeconds);
    }
}
