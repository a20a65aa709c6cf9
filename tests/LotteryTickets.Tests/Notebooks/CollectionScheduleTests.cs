using LotteryNotebooks.Reproduce;
using System.Text.RegularExpressions;

namespace LotteryTickets.Tests.Notebooks;

/// <summary>The reproduce command's schedule: several notebooks at once, each solutions notebook after its section's,
/// timed notebooks alone — checked on a simulated clock against the rules themselves, and the timed flag against what
/// the notebooks show.</summary>
public class CollectionScheduleTests
{
    static ScheduledNotebook Nb(string name, bool timed = false) => new($"{name}.ipynb", name, timed);

    /// <summary>The collection as it stands, with the seconds each notebook took in the reproduce command's run (two at a
    /// time, the timed ones alone; 2026-12-08, benchmarks/results/2026-12-08/issue23-after/reproduce.json) as the simulated
    /// durations.</summary>
    static readonly (string Name, bool Timed, double Seconds)[] Collection =
    [
        ("00-winning-tickets", false, 105), ("01-structure-is-king", true, 114), ("02-time-to-train-paradox", true, 10),
        ("03-tied-tickets", false, 46), ("04-apprentice-and-master", false, 42), ("05-gentle-art-of-training", false, 47),
        ("06-omp-finds-the-ticket", false, 10), ("07-l1-proximal-newton", true, 14), ("08-predicting-the-lottery", false, 13),
        ("09-statisticians-dilemma", false, 12),
        ("00-winning-tickets-solutions", false, 78), ("01-structure-is-king-solutions", true, 29),
        ("02-time-to-train-paradox-solutions", true, 17), ("03-tied-tickets-solutions", false, 19),
        ("04-apprentice-and-master-solutions", false, 32), ("05-gentle-art-of-training-solutions", false, 19),
        ("06-omp-finds-the-ticket-solutions", false, 8), ("07-l1-proximal-newton-solutions", true, 8),
        ("08-predicting-the-lottery-solutions", false, 18), ("09-statisticians-dilemma-solutions", false, 10),
    ];

    sealed record Span(ScheduledNotebook Notebook, double Start, double End);

    /// <summary>Runs the schedule on a simulated clock: each notebook takes its seconds; returns when each ran.</summary>
    static List<Span> Simulate(IReadOnlyList<ScheduledNotebook> notebooks, IReadOnlyDictionary<string, double> seconds, int jobs)
    {
        var schedule = new CollectionSchedule(notebooks, jobs);
        var spans = new List<Span>();
        var running = new List<Span>();
        double now = 0;
        while (!schedule.Done)
        {
            while (schedule.Next() is { } nb)
                running.Add(new Span(nb, now, now + seconds[nb.Name]));
            Assert.NotEmpty(running); // something must be running, or the schedule is stuck
            var first = running.MinBy(s => s.End)!;
            now = first.End;
            running.Remove(first);
            schedule.Finished(first.Notebook);
            spans.Add(first);
        }
        return spans;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void EveryRuleHoldsOnTheWholeCollection(int jobs)
    {
        var notebooks = Collection.Select(c => Nb(c.Name, c.Timed)).ToList();
        var spans = Simulate(notebooks, Collection.ToDictionary(c => c.Name, c => c.Seconds), jobs);

        Assert.Equal(notebooks.Select(n => n.Name).Order(), spans.Select(s => s.Notebook.Name).Order()); // each once
        foreach (var s in spans)
        {
            int atStart = spans.Count(o => o.Start <= s.Start && s.Start < o.End); // itself included
            Assert.True(atStart <= jobs, $"{atStart} notebooks ran when {s.Notebook.Name} started, with jobs = {jobs}");
            var beside = spans.Where(o => o != s && o.Start < s.End && s.Start < o.End).ToList();
            if (s.Notebook.Timed)
                Assert.True(beside.Count == 0, $"timed {s.Notebook.Name} ran beside {string.Join(", ", beside.Select(b => b.Notebook.Name))}");
            if (s.Notebook.IsSolution)
                Assert.True(s.Start >= spans.Single(o => o.Notebook.Name == s.Notebook.MainName).End,
                    $"{s.Notebook.Name} started before its section's notebook finished");
        }
        double sum = Collection.Sum(c => c.Seconds), wall = spans.Max(s => s.End);
        if (jobs == 1) Assert.Equal(sum, wall);
        else
        {
            // The timed notebooks run alone; the rest can at best share the lanes evenly.
            double timed = Collection.Where(c => c.Timed).Sum(c => c.Seconds);
            Assert.InRange(wall, timed + (sum - timed) / jobs, sum);
        }
        if (jobs == 2) Assert.InRange(wall, 0, 0.7 * sum); // the collection as it stands gains a third at least
    }

    [Fact]
    public void TimedNotebooksComeFirstOneAtATimeThenTheRestInTheCollectionsOrder()
    {
        var s = new CollectionSchedule([Nb("00-a"), Nb("01-b", timed: true), Nb("02-c"), Nb("00-a-solutions"), Nb("01-b-solutions", timed: true)],
            jobs: 2);
        var first = s.Next();
        Assert.Equal("01-b", first!.Name);
        Assert.Null(s.Next()); // nothing beside a timed notebook
        s.Finished(first);
        var second = s.Next();
        Assert.Equal("01-b-solutions", second!.Name);
        Assert.Null(s.Next());
        s.Finished(second);
        Assert.Equal(["00-a", "02-c"], [s.Next()!.Name, s.Next()!.Name]);
        Assert.Null(s.Next()); // two lanes, both busy
        s.Finished(s.Running.Single(n => n.Name == "02-c"));
        Assert.Null(s.Next()); // 00-a-solutions waits for 00-a
        s.Finished(s.Running.Single());
        Assert.Equal("00-a-solutions", s.Next()!.Name);
        s.Finished(s.Running.Single());
        Assert.True(s.Done);
    }

    [Fact]
    public void ASolutionWhoseSectionIsNotSelectedNeedNotWait()
    {
        var s = new CollectionSchedule([Nb("03-x-solutions"), Nb("04-y")], jobs: 2);
        Assert.Equal(["03-x-solutions", "04-y"], [s.Next()!.Name, s.Next()!.Name]);
    }

    [Fact]
    public void ATimedNotebookWaitsForTheOthersToDrainAndNothingOvertakesIt()
    {
        // A timed solutions notebook whose untimed section runs first: once the section is done, it is next in line,
        // so the lanes drain before it instead of starting more work.
        var s = new CollectionSchedule([Nb("07-a"), Nb("08-b"), Nb("09-c"), Nb("07-a-solutions", timed: true)], jobs: 2);
        Assert.Equal(["07-a", "08-b"], [s.Next()!.Name, s.Next()!.Name]);
        s.Finished(s.Running.Single(n => n.Name == "07-a"));
        Assert.Null(s.Next()); // 07-a-solutions is ready and timed: 09-c must not start beside 08-b
        s.Finished(s.Running.Single());
        Assert.Equal("07-a-solutions", s.Next()!.Name);
        Assert.Null(s.Next());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void JobsBelowOneAreRejected(int jobs)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CollectionSchedule([Nb("00-a")], jobs));
        Assert.Equal("jobs", e.ParamName);
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--jobs", "two")]
    [InlineData("--jobs", "-2")]
    [InlineData("--jobs", "65")]
    [InlineData("--jobs")]
    public void BadJobsOptionsAreRejected(params string[] args)
    {
        var e = Assert.Throws<ArgumentException>(() => RunOptions.Parse(args));
        Assert.Contains("--jobs", e.Message);
    }

    [Fact]
    public void JobsParseAndDefaultToOnePerCoreUpToFour()
    {
        Assert.Equal(3, RunOptions.Parse(["--jobs", "3", "00"]).Jobs);
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 4), RunOptions.Parse([]).Jobs);
    }

    /// <summary>The figures whose values are measured wall-clock time: a notebook that shows one must run alone
    /// (<c>metadata.lottery.timed</c>), and a notebook that shows none has no reason to.</summary>
    static readonly Regex TimingFigure = new(@"\b(SpeedFigures\.|RaceFigures\.|L1Figures\.GapBySeconds\b)");

    [Fact]
    public void ANotebookIsTimedExactlyWhenItShowsMeasuredTime()
    {
        var repo = RepoLayout.Find(AppContext.BaseDirectory);
        foreach (var path in repo.Notebooks())
        {
            var code = ExecutedNotebook.Read(path).Cells.Where(c => c.IsCode).Select(c => c.Source);
            bool showsTime = code.Any(TimingFigure.IsMatch);
            Assert.True(showsTime == ScheduledNotebook.Read(path).Timed,
                $"{Path.GetFileName(path)}: {(showsTime ? "shows measured time but lacks" : "shows no measured time but carries")} \"timed\": true " +
                    "in metadata.lottery");
        }
    }
}
