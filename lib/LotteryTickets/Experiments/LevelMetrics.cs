using LotteryTickets.Lottery;
using LotteryTickets.Pruning;
using LotteryTickets.Training;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LotteryTickets.Experiments;

/// <summary>
/// The plain-number part of a <see cref="LevelResult"/> as stored in the run store's <c>metrics</c> column (JSON,
/// snake_case, doubles round-trip, NaN as <c>"NaN"</c>). Everything but the mask, which lives in a file.
/// </summary>
internal sealed class LevelMetrics
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public int Level { get; set; }
    public double PercentRemaining { get; set; }
    public List<Row> Sparsity { get; set; } = [];
    public List<Point> Evaluations { get; set; } = [];
    public int TotalIterations { get; set; }
    public double WallSeconds { get; set; }
    public double FinalTestAccuracy { get; set; }
    public int EarlyStopIteration { get; set; }
    public double EarlyStopTestAccuracy { get; set; }
    public List<Noise> GradientNoise { get; set; } = [];

    public sealed class Row
    {
        public string Layer { get; set; } = "";
        public long Kept { get; set; }
        public long Total { get; set; }
    }

    public sealed class Point
    {
        public int Iteration { get; set; }
        public double Epoch { get; set; }
        public double? ValidationAccuracy { get; set; }
        public double TestAccuracy { get; set; }
        public double TrainLoss { get; set; }
    }

    public sealed class Noise
    {
        public int Iteration { get; set; }
        public double Small { get; set; }
        public double Big { get; set; }
    }

    public static LevelMetrics From(LevelResult r) => new()
    {
        Level = r.Level,
        PercentRemaining = r.PercentRemaining,
        Sparsity = r.Sparsity.Rows.Select(x => new Row { Layer = x.Layer, Kept = x.Kept, Total = x.Total }).ToList(),
        Evaluations = r.Training.Evaluations.Select(e => new Point
        {
            Iteration = e.Iteration, Epoch = e.Epoch, ValidationAccuracy = e.ValidationAccuracy, TestAccuracy = e.TestAccuracy,
            TrainLoss = e.TrainLoss,
        }).ToList(),
        TotalIterations = r.Training.TotalIterations,
        WallSeconds = r.Training.WallSeconds,
        FinalTestAccuracy = r.Training.FinalTestAccuracy,
        EarlyStopIteration = r.Training.EarlyStopIteration,
        EarlyStopTestAccuracy = r.Training.EarlyStopTestAccuracy,
        GradientNoise = r.Training.GradientNoise.Select(g =>
            new Noise { Iteration = g.Iteration, Small = g.SmallSquaredNorm, Big = g.BigSquaredNorm }).ToList(),
    };

    /// <summary>The level result with <paramref name="mask"/>.</summary>
    public LevelResult ToResult(Mask mask)
    {
        var training = new TrainingResult(
            Evaluations.Select(e =>
                new EvaluationPoint(e.Iteration, e.Epoch, e.ValidationAccuracy, e.TestAccuracy, e.TrainLoss)).ToList().AsReadOnly(),
            TotalIterations, WallSeconds, GradientNoise.Select(g => new GradientNoiseSample(g.Iteration, g.Small, g.Big)).ToList().AsReadOnly());
        return new LevelResult(Level, PercentRemaining, new SparsityReport(Sparsity.Select(x => new SparsityRow(x.Layer, x.Kept, x.Total))),
            training, mask);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static LevelMetrics FromJson(string json) =>
        JsonSerializer.Deserialize<LevelMetrics>(json, Options) ?? throw new InvalidDataException("empty level metrics.");
}
