using System.Globalization;
using System.Runtime.InteropServices;

namespace LotteryTickets.Hardware;

/// <summary>
/// What the machine says about itself (Linux <c>/proc/cpuinfo</c>; elsewhere only the core count), for stating the
/// machine beside every measured figure and for the data-sheet peak that the measured one is compared with.
/// </summary>
/// <param name="Processor">The CPU's model name (or the OS architecture when it cannot be read).</param>
/// <param name="LogicalCores">Logical cores visible to the process.</param>
/// <param name="ClockMHz">The clock the OS reports (in a virtual machine usually the nominal one); null when unknown.</param>
/// <param name="SimdFloats">float32 lanes of the widest vector FMA the CPU advertises (16 AVX-512, 8 AVX2+FMA, 4
/// otherwise); null when unknown.</param>
public sealed record MachineInfo(string Processor, int LogicalCores, double? ClockMHz, int? SimdFloats)
{
    /// <summary>Reads the current machine.</summary>
    public static MachineInfo Current()
    {
        string processor = RuntimeInformation.ProcessArchitecture.ToString();
        double? mhz = null;
        int? simd = null;
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var lines = File.ReadLines("/proc/cpuinfo").Take(64).ToList();
                string? Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':'))
                    ?.Split(':', 2)[1].Trim();
                processor = Field("model name") ?? processor;
                if (double.TryParse(Field("cpu MHz"), NumberStyles.Float, CultureInfo.InvariantCulture, out double m) && m > 0) mhz = m;
                var flags = (Field("flags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                if (flags.Count > 0) simd = flags.Contains("avx512f") ? 16 : flags.Contains("avx2") && flags.Contains("fma") ? 8 : 4;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return new MachineInfo(processor, Environment.ProcessorCount, mhz, simd);
    }

    /// <summary>
    /// The data-sheet peak float32 FLOP/s on <paramref name="threads"/> cores: threads × clock × 2 FMA units × SIMD
    /// lanes × 2 FLOPs per FMA. An upper estimate — it assumes two FMA pipes per core and the reported clock (some cores
    /// have one pipe, or run 512-bit operations at half rate, or boost above the nominal clock); null when unknown.
    /// </summary>
    public double? TheoreticalPeakFlopsPerSecond(int threads) =>
        Check.Positive(threads) is var n && ClockMHz is double mhz && SimdFloats is int lanes ? n * mhz * 1e6 * 2 * lanes * 2 : null;

    /// <summary>One line, e.g. "AMD EPYC · 2 logical cores · 2445 MHz · 8-lane FMA".</summary>
    public override string ToString() => string.Join(" · ", new[]
    {
        Processor, $"{LogicalCores} logical cores",
        ClockMHz is double m ? string.Format(CultureInfo.InvariantCulture, "{0:0} MHz", m) : null,
        SimdFloats is int s ? $"{s}-lane FMA" : null,
    }.Where(x => x is not null));
}
