using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using LotteryTickets.Tests.Experiments;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// The README's "Reliability" table states how much of each reliability check one run of the suite performs; this
/// test derives each count from the tests themselves (their constants, and the bad-input assertions in the source),
/// so the table cannot drift from what CI runs.
/// </summary>
public partial class ReliabilityTableTests
{
    private static string TestsFolder([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, ".."));

    [GeneratedRegex(@"Assert\.(Throws|ThrowsAny|ThrowsAsync)<(ArgumentException|ArgumentOutOfRangeException|ArgumentNullException|InvalidDataException)>")]
    private static partial Regex BadInputAssertion();

    /// <summary>The table's rows as the README must show them.</summary>
    public static IReadOnlyList<string> ExpectedRows()
    {
        int badInputs = Directory.EnumerateFiles(TestsFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Sum(f => BadInputAssertion().Matches(File.ReadAllText(f)).Count);
        int torchProperties = 2, properties = PropertyTests.Properties.Length;
        int cases = (properties - torchProperties) * PropertyTests.Cases + torchProperties * PropertyTests.TorchCases;
        var catalogue = BadInputCatalogueTests.Survey();
        int needCase = catalogue.WithCase + catalogue.NotYet;
        var with = WithExpressionTests.Survey();
        return
        [
            $"| bad input rejected with a .NET exception (`ArgumentException`, `InvalidDataException`) before any native call | assertion sites across the suite | {badInputs} |",
            $"| every public method and constructor of the library, core and notebook layer (by reflection), has a bad-input case, or is excused by a rule or a reviewed reason | `Invariants/BadInputCatalogueTests` | {catalogue.Cases} cases; {catalogue.WithCase} of {needCase} members covered, {catalogue.NotYet} not yet |",
            $"| a `with` expression refuses what the constructor refuses: every public positional record's init accessors against its constructor, by reflection | `Invariants/WithExpressionTests` | {with.Records} records; {with.CheckedParameters} checked parameters |",
            $"| invariants, property-based (CsCheck; fresh cases every run, a failure prints the seed that replays it) | `Invariants/PropertyTests` | {properties} properties, {cases} cases |",
            $"| kills of a real IMP run (a child process) at seeded points, each resumed | `ResumeAfterKillTests` | ≥ {ResumeAfterKillTests.Kills + 1} kills |",
            $"| two processes asking for the same run at once: both get it, it is trained and stored once | `ResumeAfterKillTests` | {ResumeAfterKillTests.ConcurrentTrials} trials (+ 1 of two threads on one sweep result) |",
            $"| same seed ⇒ same bits: two child processes' stores compared byte for byte; every sweep with a thread setting at 1 and 2 threads | `DeterminismTests` | {DeterminismTests.CrossProcessRuns} runs × 2 processes, {DeterminismTests.ThreadedSweeps.Count} sweeps × 2 thread counts |",
            $"| resident memory of a child process after the first level / batch: 20-level IMP of LeNet-300-100, ten batches of 1,000 OMP signals | `Invariants/MemoryTests` | growth ≤ {MemoryTests.ImpBoundBytes >> 20} MB and ≤ {MemoryTests.OmpBoundBytes >> 20} MB |",
        ];
    }

    [Fact]
    public void TheReadmeTableStatesTheCountsThisSuiteRuns()
    {
        string readme = File.ReadAllText(Path.Combine(TestsFolder(), "..", "..", "README.md"));
        Assert.Contains("## Reliability", readme);
        foreach (var row in ExpectedRows())
            Assert.True(readme.Contains(row, StringComparison.Ordinal), $"README.md's Reliability table needs this row (counts from the suite):\n{row}");
    }
}
