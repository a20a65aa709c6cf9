using LotteryNotebooks.Reproduce;

namespace LotteryTickets.Tests.Notebooks;

/// <summary>The other stock way of opening a notebook: Jupyter's <c>nbconvert --execute</c> with the .NET (C#) kernel of
/// dotnet-interactive — the kernel Jupyter and VS Code's Jupyter extension run, now that Polyglot Notebooks is
/// deprecated. One TorchSharp notebook (09 trains LeNet-300-100) and one sparse-numerics notebook (07), from empty run
/// stores, with no error output and charts that render offline.</summary>
[Collection(KernelCollection.Name)]
public class JupyterKernelTests(KernelFixture kernel)
{
    [JupyterFact]
    public Task TorchSharpNotebookRunsInJupyter() => RunsInJupyter("09-statisticians-dilemma.ipynb");

    [JupyterFact]
    public Task SparseNumericsNotebookRunsInJupyter() => RunsInJupyter("07-l1-proximal-newton.ipynb");

    async Task RunsInJupyter(string notebook)
    {
        Assert.Null(await JupyterKernel.MissingAsync(kernel.Repo.Root));
        string source = Path.Combine(kernel.Repo.NotebooksDirectory, notebook);
        string outDir = kernel.TempOutput();
        var r = await kernel.Runner.RunAsync(source, Path.Combine(outDir, notebook), "quick", TimeSpan.FromMinutes(15), outDir,
            kernel: NotebookKernel.Jupyter);
        Assert.True(r.Succeeded, $"{notebook} in Jupyter: {string.Join("\n", r.Errors)}\n{r.Failure}");
        string executed = File.ReadAllText(r.Output!);
        Assert.Contains("lottery-chart-", executed); // it drew its figures …
        OfflineCharts.AssertIn(r.Output!);           // … offline
        Assert.Contains("\".net-csharp\"", executed); // and it was the .NET kernel that ran it
    }

    [Fact]
    public void TheRuntimeCheckNamesWhatIsMissing()
    {
        const string only8 = "Microsoft.AspNetCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]\n" +
                             "Microsoft.NETCore.App 8.0.11 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n" +
                             "Microsoft.NETCore.App 11.0.0-preview.1 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n";
        Assert.Equal(["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"], KernelRuntime.Missing(only8));
        string message = KernelRuntime.Explain(KernelRuntime.Missing(only8), only8);
        Assert.Contains("Microsoft.NETCore.App 10.x", message);
        Assert.Contains("Install the .NET 10 SDK", message);

        const string noAspNet = "Microsoft.NETCore.App 10.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n";
        Assert.Equal(["Microsoft.AspNetCore.App"], KernelRuntime.Missing(noAspNet));
        Assert.Empty(KernelRuntime.Missing(noAspNet + "Microsoft.AspNetCore.App 10.0.3 [/x]\n"));
    }

    [Fact]
    public async Task ThisMachineHasTheKernelsRuntime() => await KernelRuntime.EnsurePresentAsync(kernel.Repo.Root);

    [Fact]
    public void GlobalJsonPinsTheKernelsSdkLine()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(kernel.Repo.Root, "global.json")));
        var sdk = doc.RootElement.GetProperty("sdk");
        Assert.StartsWith($"{KernelRuntime.Major}.0.", sdk.GetProperty("version").GetString());
        Assert.Equal("latestFeature", sdk.GetProperty("rollForward").GetString()); // later patches and bands, not a new major
    }
}
