using LotteryNotebooks.Reproduce;

namespace LotteryTickets.Tests.Notebooks;

/// <summary>Restores the pinned stock kernel (dotnet-repl) once for the notebook tests, after checking the .NET runtime
/// it needs. The notebook payload (artifacts/notebook) is built by this test project's build, through its reference to
/// LotteryTickets.Interactive. <see cref="Collection"/> runs the whole collection once, exactly as the reproduce command
/// does (one output folder and run store, the book written at the end), for the tests that read its results.</summary>
public sealed class KernelFixture : IAsyncLifetime
{
    readonly Lazy<Task<CollectionRun>> collection;

    public KernelFixture() => collection = new(RunCollectionAsync);

    public RepoLayout Repo { get; } = RepoLayout.Find(AppContext.BaseDirectory);
    public StringWriter Log { get; } = new();
    public NotebookRunner Runner => new(Repo, TextWriter.Synchronized(Log));

    public Task InitializeAsync() => Runner.PrepareAsync(build: false);
    public Task DisposeAsync() => Task.CompletedTask;

    public string TempOutput()
    {
        string dir = Path.Combine(Path.GetTempPath(), "lottery-nb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Every notebook and solution at the quick budget in the stock kernel, into one output folder, with the
    /// book — started by the first test that asks, shared by the rest.</summary>
    public Task<CollectionRun> Collection() => collection.Value;

    async Task<CollectionRun> RunCollectionAsync()
    {
        string outDir = TempOutput();
        var options = new RunOptions { OutputDirectory = outDir, Build = false, Timeout = TimeSpan.FromMinutes(15) };
        var report = await Runner.RunAllAsync(options);
        return new CollectionRun(outDir, report);
    }
}

/// <summary>The output folder and report of one run of the whole collection.</summary>
public sealed record CollectionRun(string OutputDirectory, RunReport Report)
{
    public string Book => Path.Combine(OutputDirectory, "book");
}

[CollectionDefinition(Name)]
public sealed class KernelCollection : ICollectionFixture<KernelFixture>
{
    public const string Name = "stock kernel";
}
