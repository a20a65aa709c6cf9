namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    private void AddDesign()
    {
        var x = Good(8, 3);
        var nan = WithNaN(8, 3);
        var options = new DesignOptions(4, 1e-8, 5_000_000, 1000);
        var good = AOptimality.Evaluate(x, new[] { 0, 1, 2, 3 });
        IReadOnlyList<int>? noRows = null;
        DesignSelection? noSelection = null;

        _cases.Add("x", "NaN", "NaN", () => AOptimality.Criterion(nan, new[] { 0, 1, 2 }));
        _cases.Add("rows", "[0, 7]", "row out of range", () => AOptimality.Criterion(x, new[] { 0, 8, 2 }));
        _cases.Add("rows", "twice", "repeated row", () => AOptimality.Evaluate(x, new[] { 0, 1, 1 }));
        _cases.Add("x", "0×0", "empty", () => AOptimality.Evaluate(Empty, new[] { 0 }));
        _cases.Add("a", "null", "null", () => AOptimality.Jaccard(noRows!, new[] { 1 }));
        _cases.Add("b", "null", "null", () => AOptimality.Jaccard(good, noSelection!));
        _cases.Add("candidate", "null", "null", () => AOptimality.Efficiency(good, noSelection!));

        _cases.Add("x", "null", "null", () => DesignComparison.Optimal(null!, 4));
        _cases.Add("k", "[1, 8]", "k > rows", () => DesignComparison.Optimal(x, 9));
        _cases.Add("subsetSizes", "[3, 8]", "k < columns", () => DesignComparison.Compare(x, new[] { 2 }, "given matrix"));
        _cases.Add("x", "NaN", "NaN", () => DesignComparison.Compare(nan, new[] { 4 }, "given matrix"));
        _cases.Add("rows", "0", "no rows", () => DesignComparison.RandomRows(0, 3, 1, 1));
        _cases.Add("rowScaleSpread", "NaN", "σ NaN", () => DesignComparison.RandomRows(8, 3, double.NaN, 1));
        _cases.Add("k", "[1, 8]", "k > m", () => DesignComparison.RandomJaccard(8, 9));
        _cases.Add("m", "0", "m = 0", () => DesignComparison.RandomJaccard(0, 1));
        _cases.Add("epsilon", "(0, 1)", "ε = 0", () => DesignExamples.NearlyCollinearPair(0));

        _cases.Add("SubsetSize", "0", "k = 0", () => new ExactAOptimalSearch(new DesignOptions(0, 1e-8, 5_000_000, 1000)));
        _cases.Add("MaxPasses", "0", "no pass", () => new ExchangeAOptimalSelector(new DesignOptions(4, 1e-8, 5_000_000, 0)));
        _cases.Add("MaxSubsets", "0", "no subset", () => new RowNormSelector(new DesignOptions(4, 1e-8, 0, 1000)));
        _cases.Add("options", "null", "null", () => new RowNormSelector(null!));
        _cases.Add("SubsetSize", "[1, 8]", "k > rows", () => new ExactAOptimalSearch(new DesignOptions(9, 1e-8, 5_000_000, 1000)).Select(x));
        _cases.Add("x", "NaN", "NaN", () => new GreedyAOptimalSelector(options).Select(nan));
        _cases.Add("x", "0×0", "empty", () => new RowNormSelector(options).Select(Empty));
        _cases.Add("x", "NaN", "NaN", () => new ExchangeAOptimalSelector(options).Select(nan, noRows));
        _cases.Add("start", "SubsetSize = 4", "start of the wrong size", () => new ExchangeAOptimalSelector(options).Select(x, new[] { 0, 1 }));
        _cases.Add("start", "[0, 7]", "start row out of range", () => new ExchangeAOptimalSelector(options).Select(x, new[] { 0, 1, 2, 9 }));
    }

    private void AddCommon()
    {
        var random = new SeededRandom(1);
        var mix = new SplitMix64(1);
        _cases.Add("bound", "≥ 1", "bound 0", () => mix.Below(0));
        _cases.Add("n", "-1", "negative length", () => SplitMix64.Permutation(-1, 1));
        _cases.Add("maxValue", "-1", "negative bound", () => random.Next(-1));
        _cases.Add("minValue", "5", "min > max", () => random.Next(5, 1));
        _cases.Add("buffer", "null", "null", () => random.NextBytes((byte[])null!));
        _cases.Add("maxValue", "-1", "negative bound", () => random.NextInt64(-1L));
        _cases.Add("minValue", "5", "min > max", () => random.NextInt64(5L, 1L));
        Action<Stream> writeNothing = _ => { };
        _cases.Add("path", "\"\"", "empty path", () => AtomicFile.Write("", writeNothing));
        _cases.Add("write", "null", "null", () => AtomicFile.Write(Path.Combine(Path.GetTempPath(), "never-written"), null!));
        _cases.Add("text", "null", "null", () => AtomicFile.WriteAllText(Path.Combine(Path.GetTempPath(), "never-written"), null!));
        _cases.Add("path", "\" \"", "blank path", () => AtomicFile.WriteAllText(" ", "x"));
    }
}
