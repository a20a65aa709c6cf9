using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Interactive;

/// <summary>Notebook 06's claims on hand-built results whose answers are worked out by hand.</summary>
public sealed class OmpClaimsTests
{
    static double[][][] Cells(int w, int k, int s) =>
        [.. Enumerable.Range(0, w).Select(_ => Enumerable.Range(0, k).Select(_ => new double[s]).ToArray())];

    static OmpRecoveryResult Synthetic()
    {
        var o = OmpFindsTheTicket.Recovery(Budget.Quick); // s = 0, 0.3, 0.6, 0.8; k = 1 2 3 4 6 8 …; SNR ∞ 30 20 15 10 5; 100 trials
        var exact = Cells(4, o.Sparsities.Count, 6);
        exact[0][3][0] = 1.0;  // k = 4, Gaussian, noiseless: 100 of 100
        exact[0][5][0] = 0.9;  // k = 8, Gaussian, noiseless: 90
        exact[3][5][0] = 0.6;  // k = 8, most coherent, noiseless: 60
        exact[0][5][5] = 0.9;  // k = 8, Gaussian, 5 dB: 90
        int[][] trials = [.. Enumerable.Range(0, 4).Select(_ => new[] { 100, 100, 100, 100, 100, 100 })];
        int[][] failures = [.. Enumerable.Range(0, 4).Select(_ => new int[6])];
        return new OmpRecoveryResult(o, [0.45, 0.5, 0.6, 0.8], [0.5, 0.6, 0.7, 0.9], exact, Cells(4, o.Sparsities.Count, 6), trials, failures, 1);
    }

    static NetworkDictionaryResult Network()
    {
        var o = OmpFindsTheTicket.Network(Budget.Quick, null!); // k = 1 2 3 4 6 8; SNR ∞ 20 10; 100 trials
        int[][][] Counts(int value) =>
            [.. Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 6).Select(_ => new[] { value, value, value }).ToArray())];
        var successes = Counts(0);
        successes[(int)AtomSource.Initial][2][1] = 98; // k = 3 at 20 dB
        successes[(int)AtomSource.Trained][2][1] = 11;
        int[][] guaranteed = [[100, 0, 0], [100, 0, 0], [100, 0, 0]];
        int[][] failed = [[0, 0, 0], [1, 0, 0], [0, 0, 0]];
        double[][] perTrial = [[0.4], [0.7], [0.9]];
        return new NetworkDictionaryResult(o, [95, 95, 94], [[80], [90], [80]], perTrial, perTrial, successes, Counts(100), guaranteed, failed, 1);
    }

    [Fact]
    public void TheClaimsReadTheRatesAsAgrestiCoullEstimatesAtTheirFixedCells()
    {
        var claims = OmpFindsTheTicket.Claims(Synthetic(), Network());
        Assert.Equal(["guarantee-noiseless", "beyond-guarantee", "coherence-hurts", "noise-hurts", "network-dictionary-at-init",
            "network-dictionary-trained"], claims.Select(c => c.Id));
        var byId = claims.ToDictionary(c => c.Id);

        // 1 failure in 4 × 100 synthetic + 3 × 100 network guaranteed trials: p̃ = 3/704, SE = √(p̃(1 − p̃)/704).
        double p = 3.0 / 704;
        Assert.Equal(p, byId["guarantee-noiseless"].Measured.Mean, 12);
        Assert.Equal(Math.Sqrt(p * (1 - p) / 704), byId["guarantee-noiseless"].Measured.StandardError, 12);
        Assert.Equal(Verdict.Holds, byId["guarantee-noiseless"].Verdict);

        // 100/100: p̃ = 102/104 = 0.98077, SE 0.01349: lower end 0.954 > 0.9.
        Assert.Equal(102.0 / 104, byId["beyond-guarantee"].Measured.Mean, 12);
        Assert.Equal(Verdict.Holds, byId["beyond-guarantee"].Verdict);

        // 60/100 − 90/100: 62/104 − 92/104 = −0.28846, SE √(0.048115² + 0.031329²) = 0.057415.
        Assert.Equal(-30.0 / 104, byId["coherence-hurts"].Measured.Mean, 12);
        Assert.Equal(0.057414, byId["coherence-hurts"].Measured.StandardError, 5);
        Assert.Equal(Verdict.Holds, byId["coherence-hurts"].Verdict);

        // 90/100 at 5 dB against 90/100 noiseless: a difference of 0, within noise.
        Assert.Equal(0, byId["noise-hurts"].Measured.Mean, 12);
        Assert.Equal(Verdict.WithinNoise, byId["noise-hurts"].Verdict);

        // Initial 98/100: 100/104 = 0.96154, SE 0.018862, lower end 0.924 > 0.9; trained 11/100: 13/104 = 0.125, far below.
        Assert.Equal(100.0 / 104, byId["network-dictionary-at-init"].Measured.Mean, 12);
        Assert.Equal(0.018862, byId["network-dictionary-at-init"].Measured.StandardError, 5);
        Assert.Equal(Verdict.Holds, byId["network-dictionary-at-init"].Verdict);
        Assert.Equal(0.125, byId["network-dictionary-trained"].Measured.Mean, 12);
        Assert.Equal(Verdict.DoesNotHold, byId["network-dictionary-trained"].Verdict);
        Assert.NotNull(byId["network-dictionary-trained"].Why);
    }

    [Fact]
    public void TheDictionaryTableShowsEachSourceRoundedWithoutRepeatingARow()
    {
        string html = HtmlFormatters.ToHtml(Network());
        // Hand-built: μ 0.4, 0.7, 0.9 and twin shares 40 %, 70 %, 90 % (one trial each); 80, 90, 80 live atoms.
        foreach (var cell in new[] { "Gaussian dictionary", "network at initialisation", "trained network", "0.900", "90.0 %", "80.0" })
            Assert.Contains(cell, html);
        Assert.Equal(3, html.Split("<tr>").Length - 2); // header row + three rows
        Assert.DoesNotContain("0.90000", html);
    }
}
