namespace LotteryTickets.Tests.Interactive;

/// <summary>The live progress line words the data of an <see cref="ExperimentProgress"/> as the experiments' own
/// progress text read before progress became data.</summary>
public class ProgressTextTests
{
    private static readonly TrainingStatus Level3 = new(3, 51.2, 400, 1170, 0.9712) { Seed = 1, Series = TicketSeries.Ticket };

    [Fact]
    public void ATicketExperimentNamesSeedSeriesLevelIterationAndAccuracy()
    {
        var p = new ExperimentProgress(10, 100, "iterations") { Training = Level3 };
        Assert.Equal("seed 1 · winning ticket (rewound) · level 3 (51.2 % left) · iteration 400/1170 · test 97.1 %", ProgressText.Of(p));
        Assert.Equal("seed 1 · same mask, random re-init · level 3 (51.2 % left) · loaded from the run store · test 97.1 %",
            ProgressText.Of(p with { Training = Level3 with { Series = TicketSeries.RandomReinit, Loaded = true } }));
        Assert.Equal("students distilled · seed 1 · winning ticket (rewound) · level 3 (51.2 % left) · iteration 400/1170 · test 97.1 %",
            ProgressText.Of(p with { Stage = "students distilled" }));
    }

    [Fact]
    public void ASingleTrainingNamesOnlyItsStageIterationAndAccuracy() =>
        Assert.Equal("teacher · iteration 400/1170 · test 97.1 %", ProgressText.Of(new ExperimentProgress(400, 1170, "iterations")
        {
            Stage = "teacher",
            Training = new TrainingStatus(0, 100, 400, 1170, 0.9712),
        }));

    [Fact]
    public void TimingsNameWhatWasMeasured()
    {
        var p = new ExperimentProgress(1, 8, "timings");
        Assert.Equal("peak 12.3 GFLOP/s", ProgressText.Of(p with { Timing = new TimingStatus { PeakFlopsPerSecond = 12.34e9 } }));
        Assert.Equal("batch 60 · dense", ProgressText.Of(p with { Timing = new TimingStatus { Variant = SpeedVariants.Dense, Batch = 60 } }));
        Assert.Equal("batch 60 · 87.5 % sparse · masked",
            ProgressText.Of(p with { Timing = new TimingStatus { Variant = SpeedVariants.Masked, Batch = 60, Sparsity = 0.875 } }));
    }

    [Fact]
    public void AReportWithoutDetailIsItsCount()
    {
        Assert.Equal("12/40 cells", ProgressText.Of(new ExperimentProgress(12, 40, "cells")));
        Assert.Equal("dense 27-9 on labels · 3/9 iterations",
            ProgressText.Of(new ExperimentProgress(3, 9, "iterations") { Stage = "dense 27-9 on labels" }));
        Assert.Equal("0/0 ", ProgressText.Of(default));
    }
}
