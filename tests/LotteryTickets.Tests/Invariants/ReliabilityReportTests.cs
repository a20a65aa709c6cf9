using LotteryTickets.Tests.Experiments;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace LotteryTickets.Tests.Invariants;

/// <summary>
/// How much of each reliability check one run of the suite performs, counted from the tests themselves (their
/// constants, the catalogue, the bad-input assertions in the source) and written by every run to
/// <c>out/reliability.md</c>, which the README's Reliability section points to: the counts are the suite's own, so they
/// cannot drift, and adding a check edits no prose.
/// </summary>
public partial class ReliabilityReportTests(ITestOutputHelper output)
{
    private static string TestsFolder([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, ".."));

    [GeneratedRegex(@"Assert\.(Throws|ThrowsAny|ThrowsAsync)<" +
        @"(ArgumentException|ArgumentOutOfRangeException|ArgumentNullException|InvalidDataException)>")]
    private static partial Regex BadInputAssertion();

    /// <summary>The table's rows, with this suite's counts.</summary>
    public static IReadOnlyList<(string What, string By, string Count)> Rows()
    {
        int badInputs = Directory.EnumerateFiles(TestsFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Sum(f => BadInputAssertion().Count(File.ReadAllText(f)));
        int torchProperties = 2, properties = PropertyTests.Properties.Length;
        int cases = (properties - torchProperties) * PropertyTests.Cases + torchProperties * PropertyTests.TorchCases;
        var catalogue = BadInputCatalogueTests.Survey();
        int declared;
        using (var all = BadInputCases.Build()) declared = all.DeclaredCount;
        return
        [
            ("bad input rejected with a .NET exception (`ArgumentException`, `InvalidDataException`) before any native call",
                "assertion sites across the suite", $"{badInputs}"),
            ("every public method and constructor of the library, core and notebook layer (by reflection), has a bad-input case, or is excused by " +
                "a rule or a reviewed reason",
                "`Invariants/BadInputCatalogueTests`",
                $"{catalogue.Cases} cases ({declared} derived from the settings records' declarations); {catalogue.WithCase} members with a case, " +
                    $"{catalogue.AllowListed} with a reviewed reason"),
            ("invariants, property-based (CsCheck; fresh cases every run, a failure prints the seed that replays it)", "`Invariants/PropertyTests`",
                $"{properties} properties, {cases} cases"),
            ("kills of a real IMP run (a child process) at seeded points, each resumed", "`ResumeAfterKillTests`",
                $"≥ {ResumeAfterKillTests.Kills + 1} kills"),
            ("two processes asking for the same run at once: both get it, it is trained and stored once", "`ResumeAfterKillTests`",
                $"{ResumeAfterKillTests.ConcurrentTrials} trials (+ 1 of two threads on one sweep result)"),
            ("same seed ⇒ same bits: two child processes' stores compared byte for byte; every sweep with a thread setting at 1 and 2 threads",
                "`DeterminismTests`",
                $"{DeterminismTests.CrossProcessRuns} runs × 2 processes, {DeterminismTests.ThreadedSweeps.Count} sweeps × 2 thread counts"),
            ("resident memory of a child process after the first level / batch: 20-level IMP of LeNet-300-100, ten batches of 1,000 OMP signals",
                "`Invariants/MemoryTests`",
                $"growth ≤ {MemoryTests.ImpBoundBytes >> 20} MB and ≤ {MemoryTests.OmpBoundBytes >> 20} MB"),
            ("the run keys of every notebook experiment, both budgets, against the pinned list", "`Experiments/PinnedRunKeysTests`",
                $"{File.ReadAllLines(Path.Combine(TestsFolder(), "Experiments", "PinnedRunKeys.txt")).Length} keys"),
        ];
    }

    [Fact]
    public void WritesWhatThisSuiteChecks()
    {
        var rows = Rows();
        Assert.All(rows, r => Assert.Matches(@"[1-9]", r.Count));
        string table = "# What one run of `dotnet test` checks\n\nWritten by `Invariants/ReliabilityReportTests` from the suite's own counts.\n\n" +
            "| what | tested by | per run |\n| --- | --- | ---: |\n" + string.Concat(rows.Select(r => $"| {r.What} | {r.By} | {r.Count} |\n"));
        string outFolder = Path.Combine(TestsFolder(), "..", "..", "out");
        AtomicFile.WriteAllText(Path.Combine(outFolder, "reliability.md"), table);
        output.WriteLine(table);
    }
}
