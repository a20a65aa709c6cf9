using LotteryTickets.Experiments;

namespace LotteryTickets.Interactive;

/// <summary>Figures of the planted-teacher experiment: success against the number of samples, with the ℓ1 prediction.</summary>
public static class RecoveryFigures
{
    /// <summary>Success probability of ℓ1, one-shot and iterative magnitude pruning against m, and the predicted
    /// step at <see cref="TeacherRecoveryResult.PredictedSamples"/> (0 below, 1 from there).</summary>
    public static LineFigure Teacher(TeacherRecoveryResult result, string name = "teacher-recovery")
    {
        Check.NotNull(result);
        var o = result.Options;
        FigureSeries Series(string label, Func<TeacherRecoveryPoint, double> f) => FigureText.Series(label, result.Points, p => p.Samples, f);
        return new LineFigure(name,
            $"Learning a {o.K}-sparse linear teacher in n = {o.N} inputs ({o.Trials} trials per m)",
            "m (training samples)", "success probability (share of trials that find w*)",
            [Series("ℓ1", p => p.L1), Series("one-shot magnitude pruning", p => p.OneShot),
             Series($"iterative magnitude pruning ({o.PruneFraction:P0} per level)", p => p.Iterative),
             Series($"ℓ1 prediction (m* = {result.PredictedSamples})", p => p.Samples >= result.PredictedSamples ? 1.0 : 0.0)]);
    }

    /// <summary>Success probability against m for the planted read-out of a network's layer (<see cref="NetworkTeacherResult"/>):
    /// ℓ1 and the two pruners not told k, and the predicted step at the networks' mean m*.</summary>
    public static LineFigure NetworkTeacher(NetworkTeacherResult result, string name = "network-teacher")
    {
        Check.NotNull(result);
        double mStar = result.MeanPredictedSamples;
        FigureSeries Series(string label, Func<NetworkTeacherPoint, double> f) => FigureText.Series(label, result.Points, p => p.Samples, f);
        double Share(int successes) => (double)successes / result.Trials;
        string layer = result.Layer.ToString().ToLowerInvariant();
        return new LineFigure(name,
            $"Learning a {result.K}-sparse read-out of trained LeNet {layer} features (n = {string.Join(", ", result.LiveUnits)} live units; " +
                $"{result.Trials} trials per m)",
            "m (training digits)", "success probability (share of trials that find v*)",
            [Series("ℓ1", p => Share(p.L1Successes)), Series("one-shot magnitude pruning, not told k", p => Share(p.OneShotSuccesses)),
             Series("iterative magnitude pruning, not told k", p => Share(p.IterativeSuccesses)),
             Series($"ℓ1 prediction for Gaussian measurements (m* = {mStar:0.#})", p => p.Samples >= mStar ? 1.0 : 0.0)]);
    }
}
