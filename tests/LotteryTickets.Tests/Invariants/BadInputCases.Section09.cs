using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Tests.Invariants;

// Section 09's network experiments (issue 23): its own file, so that the sections' cases are added side by side.
internal sealed partial class BadInputCases
{
    /// <summary>Bad-input cases of section 09's public members.</summary>
    private void AddSection09()
    {
        var h = Matrix<double>.Build.Dense(6, 3, (i, j) => i + j * j);
        var nan = Matrix<double>.Build.Dense(6, 3, double.NaN);
        var narrow = Matrix<double>.Build.Dense(4, 2);
        int[] y = [0, 1, 0, 1, 0, 1];
        _cases.Add("trainH", "NaN", "NaN activations", () => ReadoutRefit.Accuracy(nan, y, h, y, new[] { 0 }));
        _cases.Add("testH", "3 units", "fewer test units", () => ReadoutRefit.Accuracy(h, y, narrow, new[] { 0, 1, 0, 1 }, new[] { 0 }));
        _cases.Add("trainY", "6 labels", "too few labels", () => ReadoutRefit.Accuracy(h, new[] { 0, 1 }, h, y, new[] { 0 }));
        _cases.Add("testY", "≥ 0", "a negative label", () => ReadoutRefit.Accuracy(h, y, h, new[] { 0, 1, 0, 1, 0, -1 }, new[] { 0 }));
        _cases.Add("units", "distinct", "a unit twice", () => ReadoutRefit.Accuracy(h, y, h, y, new[] { 1, 1 }));
        _cases.Add("components", "[1, 3]", "more components than units", () => UnitDesign.Rows(h, 4));
        _cases.Add("activations", "NaN", "NaN", () => UnitDesign.Rows(nan, 1));
        _cases.Add("activations", "null", "null", () => UnitDesign.Normalised(null!));

        var hparams = new LeNetHparams { Hidden1 = 12, Hidden2 = 8, ImageSize = 4, Classes = 4 };
        var weights = WeightSnapshot.Capture(Own((LeNet300100)hparams.Create(TorchSharp.torch.CPU, 1)));
        var groups = hparams.UnitGroups();
        _cases.Add("k", "[1, 8]", "more units than the group has", () => UnitMagnitude.Keep(weights, groups[1], 9, 1));
        _cases.Add("norm", "[1, 2]", "an ℓ3 norm", () => UnitMagnitude.Keep(weights, groups[1], 2, 3));
        _cases.Add("weights", "null", "null", () => UnitMagnitude.Keep(null!, groups[1], 2, 1));
        var other = new LeNetHparams { Hidden1 = 12, Hidden2 = 8, ImageSize = 4, Classes = 4 }.UnitGroups()[1] with { Name = "x" };
        var foreign = other with { Slices = new[] { new UnitSlice("fc9.weight", 0) } };
        _cases.Add("weights", "fc9.weight", "weights without the group's parameter", () => UnitMagnitude.Keep(weights, foreign, 2, 1));

        var tiny = TinyImp();
        var data = new TrainingData(Dataset(24), null, Dataset(12, seed: 4));
        var networks = new DenseNetworks(tiny, data, new long[] { 1 });
        _cases.Add("SubsetSizes", "[Components = 3, 8]", "k below p",
            () => new UnitSelectionSweep(networks, LeNetLayer.Fc2, new[] { 2 }, 3, 2, 1, 1, null).Run(null));
        _cases.Add("Components", "≤ the layer's 8 units", "p above the width",
            () => new UnitSelectionSweep(networks, LeNetLayer.Fc2, new[] { 8 }, 9, 2, 1, 1, null).Run(null));
        _cases.Add("RefitDraws", "≤ RandomDraws = 2", "more refits than draws",
            () => new UnitSelectionSweep(networks, LeNetLayer.Fc2, new[] { 4 }, 3, 2, 1, 1, null, 3).Run(null));
        _cases.Add("Layer", "Fc1, Fc2", "an undefined layer",
            () => new UnitSelectionSweep(networks, (LeNetLayer)9, new[] { 4 }, 3, 2, 1, 1, null).Key(Budget.Quick));
        var result = new UnitSelectionResult(LeNetLayer.Fc2, 8, 3, 2, 2, new[] { new UnitSelectionNetwork(1, 90, 80, new[] {
            new UnitSelectionPoint(4, "exact", new[] { 0, 1, 2, 3 }, new[] { 0, 1, 2, 3 }, 1, 1, 0.3, 0.5, 0.1, 0.3, 80, 80, 70, 2) }) }, 1);
        _cases.Add("subsetSize", "one of 4", "a k not compared", () => result.At(5));
        _cases.Add("budget", "null", "null", () => StatisticiansDilemma.Units(null!, data));
        var wild = new DesignComparisonResult("w", 40, 5, new[] { new DesignComparisonPoint(10, 2, 0.5, 0.9, 0.8, 0, 1, "exact") }, 1);
        _cases.Add("units", "k = 20", "no k = 20", () => StatisticiansDilemma.Claims(wild, result));
        _cases.Add("wild", "null", "null", () => StatisticiansDilemma.Claims(null!, result));
        var empty = new UnitSelectionResult(LeNetLayer.Fc2, 8, 3, 2, 2, Array.Empty<UnitSelectionNetwork>(), 1);
        _cases.Add("units", "at least one network", "no networks", () => DesignFigures.RefitAccuracy("r", empty));
        _cases.Add("units", "null", "null", () => DesignFigures.RefitAccuracy("r", null!));
        _cases.Add("units", "at least one network", "no networks", () => DesignFigures.Efficiency("e", empty));
        _cases.Add("units", "at least one network", "no networks", () => DesignFigures.Overlap("o", empty));
    }

    /// <summary>Declared-constraint entries (<see cref="Entry{T}"/>) of section 09's settings records.</summary>
    private void AddSection09Entries()
    {
        var data = new TrainingData(Dataset(24), null, Dataset(12, seed: 4));
        Entry(new UnitSelectionSweep(new DenseNetworks(TinyImp(), data, new long[] { 1 }), LeNetLayer.Fc2, new[] { 4 }, 3, 2, 1, 1, null),
            s => s.Run(null));
    }
}
