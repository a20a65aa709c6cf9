using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive;
using Plotly.NET;

namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    /// <summary>
    /// The notebook layer (LotteryTickets.Interactive): the session, the figures and their records, the formatters and
    /// the curriculum's presets. Every case is rejected before any side effect (Notebook.Setup touches neither the
    /// kernel nor the output folder for them).
    /// </summary>
    private void AddInteractive()
    {
        // The session and its entry points.
        _cases.Add("name", "\"\"", "an empty notebook name", () => Notebook.Setup("", false, null, false));
        int? noThreads = 0;
        _cases.Add("threads", "[1, ", "zero threads", () => Notebook.Setup("bad-input", false, noThreads, false));
        var store = new RunStore(Path.Combine(_folder.Path, "interactive", "runs.db"));
        var cpu = TorchSharp.torch.CPU;
        string output = Path.Combine(_folder.Path, "interactive-out");
        var session = new NotebookSession("bad-input", cpu, Budget.Quick, "0", output, store, false);
        double[] xsPair = [1, 2], xsOne = [1];
        var oneEstimate = LotteryTickets.Statistics.Estimate.Of([1.0, 2.0]);
        IFigure? noFigure = null;
        IExperiment<int>? noExperiment = null;
        _cases.Add("figure", "null", "null", () => session.Show(noFigure!));
        _cases.Add("experiment", "null", "null", () => session.Run(noExperiment!, null));
        // Verdicts: the claims, the estimates they read, the records.
        double[] noSamples = [];
        _cases.Add("samples", "at least one", "no samples", () => LotteryTickets.Statistics.Estimate.Of(noSamples));
        _cases.Add("samples", "at least one", "no samples", () => LotteryTickets.Statistics.Estimate.OfMedian(noSamples));
        double[] nanSample = [1, double.NaN];
        _cases.Add("samples", "finite", "a NaN run", () => LotteryTickets.Statistics.Estimate.OfMedian(nanSample));
        _cases.Add("b", "pair one value", "unpaired lists", () => LotteryTickets.Statistics.Estimate.PairedDifference(xsPair, xsOne));
        _cases.Add("trials", "at least 1", "no trials", () => LotteryTickets.Statistics.Estimate.OfProportion(0, 0));
        _cases.Add("successes", "[0, 10]", "more successes than trials", () => LotteryTickets.Statistics.Estimate.OfProportion(11, 10));
        _cases.Add("successes", "[0, 10]", "negative successes", () => LotteryTickets.Statistics.Estimate.OfProportion(-1, 10));
        LotteryTickets.Statistics.Estimate? noEstimate = null;
        _cases.Add("a", "null", "null", () => LotteryTickets.Statistics.Estimate.Difference(noEstimate!, oneEstimate));
        _cases.Add("b", "null", "null", () => LotteryTickets.Statistics.Estimate.Product(oneEstimate, noEstimate!));
        _cases.Add("threshold", "finite", "a NaN threshold",
            () => LotteryTickets.Statistics.VerdictRule.Decide(oneEstimate, double.NaN, LotteryTickets.Statistics.ClaimSide.Above));
        var claim = new Claim("c", "s", "m", 0, LotteryTickets.Statistics.ClaimSide.Above);
        _cases.Add("measured", "null", "null", () => claim.Against(noEstimate!));
        _cases.Add("claims", "at least one", "no claims", () => session.Verdicts());
        string missing = Path.Combine(_folder.Path, "no-record.json");
        _cases.Add("path", "does not exist", "a missing record", () => VerdictRecord.Read(missing));
        var record = new VerdictRecord("n", "quick", DateTimeOffset.UnixEpoch, "m", "c", "v", []);
        IEnumerable<ClaimResult>? noClaims = null;
        _cases.Add("claims", "null", "null", () => record.With(noClaims!));
        TicketExperimentResult? noTickets = null;
        _cases.Add("r", "null", "null", () => LotteryTickets.Interactive.Curriculum.WinningTickets.Claims(noTickets!));
        StructuredComparison? noComparison = null;
        SpeedResult? noTimings = null;
        _cases.Add("neurons", "null", "null",
            () => LotteryTickets.Interactive.Curriculum.StructureIsKing.Claims(noComparison!, noTickets!, noTickets!, noTimings!));
        _cases.Add("unstructured", "null", "null",
            () => LotteryTickets.Interactive.Curriculum.TimeToTrainParadox.Claims(noTickets!, noTickets!, noTimings!, null!));
        Budget? noBudget = null;
        _cases.Add("budget", "null", "null", () => LotteryTickets.Interactive.Curriculum.WinningTickets.ControlLevels(noBudget!));
        var tickets = new TicketExperimentResult(LotteryTickets.Interactive.Curriculum.WinningTickets.Hparams(Budget.Quick), [1],
            new TicketCurve(TicketSeries.Ticket, []), new TicketCurve(TicketSeries.RandomReinit, []), new TicketCurve(TicketSeries.RandomMask, []),
            [], 0);
        _cases.Add("level", "-1", "a negative level", () => tickets.At(TicketSeries.Ticket, -1));
        _cases.Add("level", "-1", "a negative level", () => tickets.SeedAccuracies(TicketSeries.Ticket, -1));
        _cases.Add("levels", "seed 1 has 0 trainings at level 0", "a seed without a training there",
            () => tickets.SeedAccuracies(TicketSeries.Ticket, new[] { 0 }));
        _cases.Add("levels", "at least one level", "no levels", () => tickets.SeedAccuracies(TicketSeries.Ticket, Array.Empty<int>()));
        TiedComparison? noTiedComparison = null;
        _cases.Add("c", "null", "null", () => TiedTickets.Claims(noTiedComparison!));
        var noControls = new TicketExperimentResult(TiedTickets.Hparams(Budget.Quick, true), [1],
            new TicketCurve(TicketSeries.Ticket, [new TicketCurvePoint(0, 100, 90, 0, 10, 0, 1)]), new TicketCurve(TicketSeries.RandomReinit, []),
            new TicketCurve(TicketSeries.RandomMask, []), [], 0);
        var withoutControls = new TiedComparison(noControls, noControls);
        _cases.Add("c", "random re-initialisation control", "results without one", () => TiedTickets.Claims(withoutControls));
        _cases.Add("e", "null", "null", () => VerdictTable.Show(noEstimate!, "0"));
        ClaimResult? noClaim = null;
        _cases.Add("c", "null", "null", () => VerdictTable.Show(noClaim!));
        Kernel? noKernel = null;
        _cases.Add("kernel", "null", "null", () => new KernelExtension().OnLoadAsync(noKernel!));

        // Figure records: what their charts and CSVs dereference.
        var xs = new[] { 1.0, 2.0 };
        var line = new LineFigure("bad-input", "t", "x", "y", new[] { new FigureSeries("s", xs, xs, null) });
        var chart = line.ToChart();
        // A session and its figures are checked where they are used: Show, Run, ToChart and ToCsv.
        var nullSeries = new LineFigure("f", "t", "x", "y", new FigureSeries[] { null! });
        _cases.Add("Series", "entry 0 is null", "a null series", () => nullSeries.ToChart());
        var nullRow = new HeatmapFigure("h", "t", "x", "y", "z", xs, xs, new IReadOnlyList<double>[] { null!, xs });
        _cases.Add("Z", "entry 0 is null", "a null row", () => nullRow.ToCsv());
        Func<int, string>? noDescribe = null;
        _cases.Add("describe", "null", "null", () => new LiveProgress<int>("t", noDescribe!, null));
        GenericChart? noChart = null;
        _cases.Add("chart", "null", "null", () => OfflinePlotly.ToHtml(noChart!, false));

        // Tables and formatters.
        IReadOnlyList<string>? noHeader = null;
        var rows = new[] { (IReadOnlyList<string>)new[] { "a" } };
        _cases.Add("header", "null", "null", () => HtmlTable.Render("c", noHeader!, rows, null));
        var nullCell = new[] { (IReadOnlyList<string>)new string[] { null! } };
        _cases.Add("rows", "null cells", "a null cell", () => HtmlTable.Render("c", new[] { "h" }, nullCell, null));
        _cases.Add("parameters", "null", "null", () => HtmlFormatters.ParameterTable("c", null!));
        SparsityReport? noReport = null;
        TicketExperimentResult? noResult = null;
        PhaseDiagramResult? noPhase = null;
        RunStore? noStore = null;
        _cases.Add("report", "null", "null", () => HtmlFormatters.ToHtml(noReport!));
        _cases.Add("r", "null", "null", () => HtmlFormatters.ToHtml(noResult!));
        _cases.Add("r", "null", "null", () => HtmlFormatters.ToHtml(noPhase!));
        _cases.Add("store", "null", "null", () => HtmlFormatters.ToHtml(noStore!));

        // Figure factories: null results, empty or holed lists, indices and batches outside the result.
        var result = SampleResult();
        _cases.Add("r", "null", "null", () => TicketFigures.Accuracy(noResult!));
        _cases.Add("r", "null", "null", () => TicketFigures.EarlyStop(noResult!));
        var noCurves = Array.Empty<(string, TicketCurve)>();
        _cases.Add("curves", "at least one", "no curve", () => TicketFigures.Compare("c", "t", noCurves));
        (string, TicketExperimentResult)[] noRuns = [];
        _cases.Add("runs", "at least one", "no run", () => TicketFigures.Units(noRuns));
        StructuredComparison? noStructured = null;
        TiedComparison? noTied = null;
        SmoothingComparison? noSmoothing = null;
        _cases.Add("c", "null", "null", () => TicketFigures.Structured(noStructured!));
        _cases.Add("c", "null", "null", () => TicketFigures.Tied(noTied!, false));
        _cases.Add("c", "null", "null", () => TicketFigures.TiedLearning(noTied!));
        _cases.Add("c", "null", "null", () => NoiseFigures.AcrossLevels(noSmoothing!));
        var smoothing = new SmoothingComparison(result, result);
        _cases.Add("windowSteps", "0", "a window of no steps", () => NoiseFigures.DuringTraining(smoothing, 0));
        DistillationResult? noDistillation = null;
        _cases.Add("r", "null", "null", () => DistillationFigures.Accuracy(noDistillation!));

        var speed = SampleSpeed();
        _cases.Add("batch", "got 16", "a batch not measured", () => SpeedFigures.Speedup(speed, 16, true));
        _cases.Add("batch", "got 16", "a batch not measured", () => SpeedFigures.Efficiency(speed, 16));
        RaceToTarget? noRace = null;
        var race = SampleRace();
        (double, double) zeroEta = (0.0, 0.1);
        _cases.Add("race", "null", "null", () => RaceFigures.StepsToTarget(noRace!));
        _cases.Add("race", "null", "null", () => RaceFigures.TimeRatio(noRace!));
        _cases.Add("chapterEta", "(0, 0.1)", "a dense efficiency of 0", () => RaceFigures.TradeOff(race, zeroEta));

        L1ConvergenceResult? noConvergence = null;
        L1PathSweepResult? noPath = null;
        Vector<double>? noVector = null;
        var lasso = Vector<double>.Build.Dense(3, 1.0);
        _cases.Add("result", "null", "null", () => L1Figures.GapByIteration(noConvergence!));
        _cases.Add("result", "null", "null", () => L1Figures.GapBySeconds(noConvergence!, null));
        _cases.Add("result", "null", "null", () => L1Figures.SupportPath(noPath!));
        _cases.Add("result", "null", "null", () => L1Figures.TicketRecall(noPath!, null));
        _cases.Add("result", "null", "null", () => L1Figures.WarmStarts(noPath!));
        _cases.Add("dense", "null", "null", () => L1Figures.Shrinkage(noVector!, lasso, 0.5));

        var ompResult = SampleOmp();
        _cases.Add("weightIndex", "[0, 0]", "a weight index past the grid", () => OmpFigures.RecoveryVsSnr(ompResult, 1, null, null));
        _cases.Add("snrIndex", "[0, 0]", "an SNR index past the grid", () => OmpFigures.RecoveryVsSparsity(ompResult, 1, null));
        _cases.Add("snrIndex", "-1", "a negative SNR index", () => OmpFigures.CoherenceMap(ompResult, -1));
        _cases.Add("result", "null", "null", () => PhaseFigures.Diagram(noPhase!, null));
        _cases.Add("result", "null", "null", () => PhaseFigures.Transitions(noPhase!));
        var noDesigns = Array.Empty<DesignComparisonResult>();
        var nullDesign = new DesignComparisonResult[] { null! };
        _cases.Add("results", "at least one", "no result", () => DesignFigures.Overlap("o", noDesigns));
        _cases.Add("results", "entry 0 is null", "a null result", () => DesignFigures.Efficiency("e", nullDesign));
        TeacherRecoveryResult? noTeacher = null;
        _cases.Add("result", "null", "null", () => RecoveryFigures.Teacher(noTeacher!, "teacher-recovery"));

        // Findings: the sentences of each result (a null result; the ℓ1 target is in the experiments' cases).
        SpeedResult? noSpeed = null;
        _cases.Add("r", "null", "null", () => ApprenticeAndMaster.Claims(noDistillation!));
        _cases.Add("a", "null", "null", () => ApprenticeAndMaster.DistilledDifference(noDistillation!, noDistillation!));
        var taught = new DistillationResult(new DistillationHparams(4, 0.1), 97, 1000, SampleResult(), SampleResult(), [], 1);
        var otherSeeds = taught with { Labels = SampleResult() with { Seeds = [2] } };
        _cases.Add("b", "same students", "students of other seeds", () => ApprenticeAndMaster.DistilledDifference(taught, otherSeeds));
        var denseOnly = taught with { Distilled = SampleResult() with { Ticket = new TicketCurve(TicketSeries.Ticket, [SampleTicket.Points[0]]) } };
        _cases.Add("b", "pruned level in common", "no pruned level distilled by both",
            () => ApprenticeAndMaster.DistilledDifference(taught, denseOnly));
        _cases.Add("r", "null", "null", () => noSpeed!.Findings());
        _cases.Add("r", "null", "null", () => noRace!.Findings());
        _cases.Add("series", "Ticket, RandomReinit, RandomMask", "an undefined series", () => LabelText.Series((TicketSeries)7));
        _cases.Add("variant", "null", "null", () => LabelText.Variant(null!));

        // The curriculum's presets: a null budget (and ε outside [0, 1)).
        var data = new TrainingData(Dataset(24), null, Dataset(12, seed: 4));
        Budget? none = null;
        var sparsities = new[] { 0.5 };
        _cases.Add("budget", "null", "null", () => ApprenticeAndMaster.Teacher(none!));
        _cases.Add("budget", "null", "null", () => ApprenticeAndMaster.Student(none!));
        _cases.Add("budget", "null", "null", () => ApprenticeAndMaster.Seeds(none!));
        _cases.Add("budget", "null", "null", () => ApprenticeAndMaster.Experiment(none!, data));
        _cases.Add("budget", "null", "null", () => ApprenticeAndMaster.DistilledLevels(none!));
        _cases.Add("budget", "null", "null", () => ApprenticeAndMaster.ControlLevels(none!));
        _cases.Add("epsilon", "[0, 1)", "ε = 1", () => ApprenticeAndMaster.LeNetTeacher(1.0));
        _cases.Add("budget", "null", "null", () => GentleArtOfTraining.Training(none!, 0));
        _cases.Add("budget", "null", "null", () => GentleArtOfTraining.Hparams(none!, 0));
        _cases.Add("budget", "null", "null", () => GentleArtOfTraining.Seeds(none!));
        _cases.Add("budget", "null", "null", () => GentleArtOfTraining.Experiment(none!, data, 0));
        // ε is named as the caller passed it (epsilon), not as the TrainingHparams property it sets (LabelSmoothing).
        _cases.Add("epsilon", "[0, 1)", "ε = 1", () => GentleArtOfTraining.Training(Budget.Quick, 1));
        _cases.Add("epsilon", "[0, 1)", "ε = −0.1", () => GentleArtOfTraining.Hparams(Budget.Quick, -0.1));
        _cases.Add("epsilon", "NaN", "ε NaN", () => GentleArtOfTraining.Experiment(Budget.Quick, data, double.NaN));
        _cases.Add("budget", "null", "null", () => GentleArtOfTraining.AccuracyOnly(none!, data, 0.3));
        _cases.Add("epsilon", "[0, 1)", "ε = 1", () => GentleArtOfTraining.AccuracyOnly(Budget.Quick, data, 1));
        _cases.Add("c", "null", "null", () => GentleArtOfTraining.Claims(noSmoothing!));
        _cases.Add("r", "at least one pruned level", "a curve without pruned levels", () => GentleArtOfTraining.SparseLevels(tickets));
        TicketExperimentResult? noRun = null;
        _cases.Add("r", "null", "null", () => GentleArtOfTraining.DenseAccuracies(noRun!));
        _cases.Add("r", "null", "null", () => GentleArtOfTraining.SparseAccuracies(noRun!));
        _cases.Add("r", "null", "null", () => GentleArtOfTraining.DropBelowDense(noRun!));
        _cases.Add("budget", "null", "null", () => L1ProximalNewton.Convergence(none!));
        _cases.Add("budget", "null", "null", () => L1ProximalNewton.Path(none!));
        _cases.Add("budget", "null", "null", () => OmpFindsTheTicket.Recovery(none!));
        _cases.Add("budget", "null", "null", () => OmpFindsTheTicket.Networks(none!, data));
        _cases.Add("budget", "null", "null", () => PredictingTheLottery.PhaseGrid(none!));
        _cases.Add("budget", "null", "null", () => PredictingTheLottery.Teacher(none!));
        _cases.Add("budget", "null", "null", () => StatisticiansDilemma.Random(none!, 1.0));
        _cases.Add("budget", "null", "null", () => StructureIsKing.Training(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.Unstructured(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.Structured(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.Seeds(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.UnstructuredExperiment(none!, data));
        _cases.Add("budget", "null", "null", () => StructureIsKing.StructuredExperiment(none!, data));
        _cases.Add("budget", "null", "null", () => StructureIsKing.Speed(none!));
        _cases.Add("budget", "null", "null", () => TiedTickets.Training(none!));
        _cases.Add("budget", "null", "null", () => TiedTickets.Hparams(none!, true));
        _cases.Add("budget", "null", "null", () => TiedTickets.Seeds(none!, true));
        _cases.Add("budget", "null", "null", () => TiedTickets.DenseEpochs(none!));
        _cases.Add("budget", "null", "null", () => TiedTickets.ControlLevels(none!));
        TorchSharp.torch.Device? noDevice = null;
        TrainingData? noData = null;
        TrainingHparams? noTraining = null;
        var training = TiedTickets.Training(Budget.Quick);
        _cases.Add("device", "null", "null", () => TiedTickets.TrainUntiedCopy(noDevice!, data, training, 1));
        _cases.Add("data", "null", "null", () => TiedTickets.TrainUntiedCopy(TorchSharp.torch.CPU, noData!, training, 1));
        _cases.Add("training", "null", "null", () => TiedTickets.TrainUntiedCopy(TorchSharp.torch.CPU, data, noTraining!, 1));
        _cases.Add("budget", "null", "null", () => TiedTickets.Experiment(none!, data, true));
        _cases.Add("budget", "null", "null", () => TimeToTrainParadox.UnstructuredExperiment(none!, data));
        _cases.Add("budget", "null", "null", () => TimeToTrainParadox.StructuredExperiment(none!, data));
        _cases.Add("budget", "null", "null", () => TimeToTrainParadox.Speed(none!, sparsities));
        _cases.Add("budget", "null", "null", () => WinningTickets.Hparams(none!));
        _cases.Add("budget", "null", "null", () => WinningTickets.Seeds(none!));
        _cases.Add("budget", "null", "null", () => WinningTickets.Levels(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.Fraction(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.UnstructuredLevels(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.StructuredLevels(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.StructuredControlLevels(none!));
        _cases.Add("budget", "null", "null", () => StructureIsKing.FilterExperiment(none!, data));
        _cases.Add("budget", "null", "null", () => StructureIsKing.HeadExperiment(none!, data));
        _cases.Add("budget", "null", "null", () => TiedTickets.Levels(none!));
        _cases.Add("budget", "null", "null", () => GentleArtOfTraining.Levels(none!));
        _cases.Add("budget", "null", "null", () => ApprenticeAndMaster.StudentLevels(none!));
        _cases.Add("budget", "null", "null", () => WinningTickets.Experiment(none!, data));
    }
}
