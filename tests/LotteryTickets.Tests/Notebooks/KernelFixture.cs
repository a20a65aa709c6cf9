using LotteryNotebooks.Reproduce;

namespace LotteryTickets.Tests.Notebooks;

/// <summary>Restores the pinned stock kernel (dotnet-repl) once for the notebook tests. The notebook payload
/// (artifacts/notebook) is built by this test project's build, through its reference to LotteryTickets.Interactive.</summary>
public sealed class KernelFixture : IAsyncLifetime
{
    public RepoLayout Repo { get; } = RepoLayout.Find(AppContext.BaseDirectory);
    public StringWriter Log { get; } = new();
    public NotebookRunner Runner => new(Repo, Log);

    public Task InitializeAsync() => Runner.PrepareAsync(build: false);
    public Task DisposeAsync() => Task.CompletedTask;

    public string TempOutput()
    {
        string dir = Path.Combine(Path.GetTempPath(), "lottery-nb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

[CollectionDefinition(Name)]
public sealed class KernelCollection : ICollectionFixture<KernelFixture>
{
    public const string Name = "stock kernel";
}
