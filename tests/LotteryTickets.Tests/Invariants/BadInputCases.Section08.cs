using LotteryTickets.Statistics;

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
        PhaseDiagramResult? noPhase = null;
        _cases.Add("result", "null", "null", () => PhaseFigures.TransitionEstimates(noPhase!));
    }

    /// <summary>Declared-constraint entries (<see cref="Entry{T}"/>) of section 08's settings records.</summary>
    private void AddSection08Entries()
    {
    }
}
