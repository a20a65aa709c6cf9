using LotteryTickets.Statistics;

namespace LotteryTickets.Tests.Interactive;

/// <summary>A notebook's verdicts: written as data for this run, recorded at the full budget, read back beside the
/// quick run's, and shown with the reason where a claim does not hold.</summary>
public sealed class VerdictTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("verdicts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static readonly Claim Above = new("gap", "The ticket beats its control.", "ticket − control (points)", 0, ClaimSide.Above)
    {
        Why = "Because the control is strong here.",
    };

    NotebookSession Session(Budget budget)
    {
        var store = new RunStore(Path.Combine(_folder, "runs.db"));
        return new NotebookSession("99-test", TorchSharp.torch.CPU, budget, "0", Path.Combine(_folder, "out"), store, false)
        {
            RecordsDirectory = Path.Combine(_folder, "records"),
        };
    }

    [Fact]
    public void AFullRunRecordsItsVerdictsAndAQuickRunShowsThemBesideItsOwn()
    {
        var full = Session(Budget.Full).Verdicts(Above.Against(Estimate.Of([1.0, 1.2, 0.8])));
        Assert.Equal(Verdict.Holds, Assert.Single(full.Rows).Verdict);
        var record = VerdictRecord.Read(Path.Combine(_folder, "records", "99-test.full.json"));
        Assert.Equal("full", record.Budget);
        Assert.Equal(1.0, record.Find("gap")!.Measured.Mean, 12);

        var quick = Session(Budget.Quick).Verdicts(Above.Against(Estimate.Of([-1.0, -1.2, -0.8])));
        Assert.Equal(Verdict.DoesNotHold, quick.Rows[0].Verdict);
        Assert.Equal(Verdict.Holds, quick.Full!.Find("gap")!.Verdict);
        string html = System.Net.WebUtility.HtmlDecode(quick.ToHtml());
        Assert.Contains("+1.00 ± 0.12 (n = 3)", html);
        Assert.Contains("-1.00 ± 0.12 (n = 3)", html);
        Assert.Contains("Because the control is strong here.", html); // the claim does not hold here: the reason is shown
        Assert.False(File.Exists(Path.Combine(_folder, "records", "99-test.quick.json")));
        Assert.Equal("quick", VerdictRecord.Read(Path.Combine(_folder, "out", "verdicts", "99-test.json")).Budget);
    }

    [Fact]
    public void ARunsVerdictsAccumulateAndAClaimShownAgainReplacesItsRow()
    {
        var nb = Session(Budget.Quick);
        nb.Verdicts(Above.Against(Estimate.Of([1.0, 1.2])));
        nb.Verdicts(Above with { Id = "other" } is var o ? o.Against(Estimate.Of([2.0, 2.0])) : null!);
        nb.Verdicts(Above.Against(Estimate.Of([3.0, 3.2])));
        var run = VerdictRecord.Read(nb.VerdictsPath);
        Assert.Equal(["gap", "other"], run.Claims.Select(c => c.Id));
        Assert.Equal(3.1, run.Find("gap")!.Measured.Mean, 12);
    }

    [Fact]
    public void AClaimThatHoldsEverywhereShowsNoReasonAndNoRecordSaysSo()
    {
        string html = Session(Budget.Quick).Verdicts(Above.Against(Estimate.Of([1.0, 1.2, 0.8]))).ToHtml();
        Assert.DoesNotContain("Because the control is strong here.", html);
        Assert.Contains("no record yet", html);
        Assert.Contains(VerdictTable.RuleText, System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public void ARecordSurvivesItsJsonWithASingleSeedsMissingSpread()
    {
        var record = new VerdictRecord("n", "quick", DateTimeOffset.UnixEpoch, "m", "c", "v", [Above.Against(Estimate.Of([2.0]))]);
        string path = Path.Combine(_folder, "r.json");
        record.Write(path);
        var back = VerdictRecord.Read(path);
        Assert.True(double.IsNaN(back.Claims[0].Measured.StandardError));
        Assert.Equal(Verdict.WithinNoise, back.Claims[0].Verdict);
        Assert.Contains("\"verdict\": \"within noise\"", File.ReadAllText(path));
        File.WriteAllText(path, "{ not json");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => VerdictRecord.Read(path)).Message);
    }

    [Fact]
    public void ATimedClaimSaysSoInItsRecordAndAnUntimedOneWritesNothing()
    {
        var record = new VerdictRecord("n", "full", DateTimeOffset.UnixEpoch, "m", "c", "v",
            [Above.Against(Estimate.Of([1.0, 1.2])), (Above with { Id = "speed", Timed = true }).Against(Estimate.Of([1.0, 1.2]))]);
        string path = Path.Combine(_folder, "t.json");
        record.Write(path);
        var back = VerdictRecord.Read(path);
        Assert.False(back.Find("gap")!.Timed);
        Assert.True(back.Find("speed")!.Timed);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(path), "\"timed\""));
    }

    [Fact]
    public void WinningTicketsClaimsPairTheSeeds()
    {
        // Three seeds; the ticket at 10.7 % is 0.2 ± 0.1 below dense; the re-init control 1 point below the ticket at 6.9 %.
        var hparams = WinningTickets.Hparams(Budget.Quick);
        double[] dense = [95, 96, 97], ticket = [94.9, 95.7, 96.8], reinit = [93.8, 94.7, 95.9];
        var trainings = new List<LevelTraining>();
        for (int s = 0; s < 3; s++)
        {
            trainings.Add(new LevelTraining(TicketSeries.Ticket, s + 1, 0, 100, []) { EarlyStopAccuracy = dense[s], EarlyStopIteration = 1000 });
            trainings.Add(new LevelTraining(TicketSeries.Ticket, s + 1, 1, 40, []) { EarlyStopAccuracy = ticket[s], EarlyStopIteration = 600 });
            trainings.Add(new LevelTraining(TicketSeries.Ticket, s + 1, 2, 10.7, [])
                { EarlyStopAccuracy = ticket[s], EarlyStopIteration = 700 + 10 * s });
            trainings.Add(new LevelTraining(TicketSeries.Ticket, s + 1, 3, 6.9, []) { EarlyStopAccuracy = ticket[s], EarlyStopIteration = 800 });
            trainings.Add(new LevelTraining(TicketSeries.RandomReinit, s + 1, 3, 6.9, [])
                { EarlyStopAccuracy = reinit[s], EarlyStopIteration = 900 });
        }
        TicketCurvePoint P(int level, double percent) => new(level, percent, 0, 0, 0, 0, 3);
        var curve = new TicketCurve(TicketSeries.Ticket, [P(0, 100), P(1, 40), P(2, 10.7), P(3, 6.9)]);
        var result = new TicketExperimentResult(hparams, [1, 2, 3], curve, new TicketCurve(TicketSeries.RandomReinit, [P(3, 6.9)]),
            new TicketCurve(TicketSeries.RandomMask, []), [new SparsityReport([new SparsityRow("fc1.weight", 10, 100)])], 1)
        { Trainings = trainings };
        var claims = WinningTickets.Claims(result).ToDictionary(c => c.Id);
        Assert.Equal(["matches-dense", "learns-faster", "reinit-behind"], WinningTickets.Claims(result).Select(c => c.Id));
        Assert.Equal(-0.2, claims["matches-dense"].Measured.Mean, 9);
        Assert.Equal(0.1 / Math.Sqrt(3), claims["matches-dense"].Measured.StandardError, 9);
        Assert.Equal(Verdict.Holds, claims["matches-dense"].Verdict); // −0.2 ± 0.12 lies above −0.5
        Assert.Equal(1000 - (600 + 710) / 2.0, claims["learns-faster"].Measured.Mean, 9); // levels 1 (40 %) and 2 (10.7 %), per seed
        Assert.Equal(1.0, claims["reinit-behind"].Measured.Mean, 9);
        Assert.Equal(Verdict.Holds, claims["reinit-behind"].Verdict);
    }
}
