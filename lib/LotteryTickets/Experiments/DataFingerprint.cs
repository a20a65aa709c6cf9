using LotteryTickets.Data;
using LotteryTickets.Storage;
using LotteryTickets.Training;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;
using static TorchSharp.torch;

namespace LotteryTickets.Experiments;

/// <summary>
/// A description of a run's data for its <see cref="RunKey"/>: a source name, the split sizes and a SHA-256 of the
/// examples and labels themselves, so that different data never share a key.
/// </summary>
internal static class DataFingerprint
{
    public static string Describe(TrainingData data, string? source)
    {
        Check.NotNull(data);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Train, validation (if any), test: inputs then labels; then the teacher's logits (if any).
        foreach (var t in new[] { data.Train, data.Validation, data.Test }.OfType<TensorDataset>().SelectMany(d => new[] { d.Inputs, d.Labels }))
            Add(sha, t);
        if (data.Teacher is not null) Add(sha, data.Teacher);
        string hash = Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture,
            $"{source ?? "unnamed"}; train {data.Train.Count} / validation {data.Validation?.Count ?? 0} / test " +
                $"{data.Test.Count}{(data.Teacher is null ? "" : "; teacher logits")}; sha256 {hash}");
    }

    private static void Add(IncrementalHash sha, Tensor t)
    {
        sha.AppendData(MemoryMarshal.AsBytes(t.shape.AsSpan()));
        long rows = t.shape.Length == 0 ? 1 : t.shape[0];
        const long chunk = 4096;
        for (long start = 0; start < rows; start += chunk)
        {
            using var scope = torch.NewDisposeScope();
            var part = (t.shape.Length == 0 ? t.reshape(1) : t.narrow(0, start, Math.Min(chunk, rows - start))).detach().cpu().contiguous();
            sha.AppendData(HostArrays.Bytes(part,
                part.dtype is ScalarType.Int64 or ScalarType.Int32 or ScalarType.Byte ? part.dtype : ScalarType.Float32));
        }
    }
}
