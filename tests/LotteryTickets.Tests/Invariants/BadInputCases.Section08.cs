using LotteryTickets.Statistics;
using LotteryTickets.Tests.Experiments;

namespace LotteryTickets.Tests.Invariants;

// Section 08's network experiments (issue 23): its own file, so that the sections' cases are added side by side.
internal sealed partial class BadInputCases
{
    /// <summary>Bad-input cases of section 08's public members.</summary>
    private void AddSection08()
    {
        double[] x = [1, 2];
        double[] share = [0, 1];
        int[] counts = [0, 4];
        _cases.Add("x", "strictly increasing", "x out of order", () => Crossings.First(new double[] { 2, 1 }, share, 0.5, true));
        _cases.Add("share", "one value per x", "one share for two points", () => Crossings.First(x, new double[] { 0 }, 0.5, true));
        _cases.Add("level", "finite", "a NaN level", () => Crossings.First(x, share, double.NaN, true));
        _cases.Add("successes", "[0, 4]", "more successes than trials", () => Crossings.Bootstrap(x, new[] { 0, 5 }, 4, 0.5, true, 10, 1));
        _cases.Add("trials", "positive", "no trials", () => Crossings.Bootstrap(x, counts, 0, 0.5, true, 10, 1));
        _cases.Add("resamples", "positive", "no resamples", () => Crossings.Bootstrap(x, counts, 4, 0.5, true, 0, 1));
        var a = Dictionaries.Gaussian(4, 6, 1);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(4, 1);
        _cases.Add("fraction", "(0, 1)", "a fraction of 1", () => LinearNetworkPruning.IterativeUntilFitLost(a, b, 1, 1e-6));
        _cases.Add("fitTolerance", "positive", "a zero tolerance", () => LinearNetworkPruning.OneShotUntilFitLost(a, b, 0.2, 0));
        var teacher = new TeacherRecoverySweep(N: 10, K: 1, Samples: new[] { 10 }, Trials: 1, Seed: 1, Stop: PruningStop.FitLost)
            .Run();
        _cases.Add("learner", "null", "null", () => teacher.SamplesEstimate(null!));
        var badStop = new TeacherRecoverySweep(8, 2, new[] { 4 }, 1, 1, SignalKind.Signed, 0.2, 1e-2, (PruningStop)9, null);
        _cases.Add("Stop", "GivenK, FitLost", "an undefined stop", () => badStop.Run(null));
        var network = new NetworkTeacherResult(2, 4, LeNetLayer.Fc2, new[] { 8 }, new[] { 4 },
            new[] { new NetworkTeacherPoint(2, 0, 0, 0, 2, 2), new NetworkTeacherPoint(8, 4, 4, 4, 2, 2) }, 0);
        _cases.Add("successes", "null", "null", () => network.Crossing(null!));
        _cases.Add("successes", "null", "null", () => network.RelativeCrossing(null!));
        _cases.Add("rows", "null", "null", () => Crossings.MeanOfRows(null!));
        _cases.Add("rows", "null", "a null row", () => Crossings.MeanOfRows(new Estimate[] { null! }));
        NetworkTeacherResult? noNetwork = null;
        _cases.Add("result", "null", "null", () => RecoveryFigures.NetworkTeacher(noNetwork!, "n"));
        var sweep = NetworkTeacherTests.Tiny(null);
        _cases.Add("sweep", "null", "null", () => PredictingTheLottery.Scales(null!, network));
        _cases.Add("network", "null", "null", () => PredictingTheLottery.Scales(sweep, null!));
        _cases.Add("budget", "null", "null", () => PredictingTheLottery.NetworkTeacher(null!, sweep.Networks.Data));
        _cases.Add("data", "null", "null", () => PredictingTheLottery.NetworkTeacher(Budget.Quick, null!));
        PhaseDiagramResult? noPhase = null;
        _cases.Add("l1", "null", "null", () => PredictingTheLottery.Claims(noPhase!, noPhase!, teacher, network));
        _cases.Add("result", "null", "null", () => PhaseFigures.TransitionEstimates(noPhase!));
    }

    /// <summary>Declared-constraint entries (<see cref="Entry{T}"/>) of section 08's settings records.</summary>
    private void AddSection08Entries()
    {
        Entry(NetworkTeacherTests.Tiny(null), s => s.Run(null));
    }
}
