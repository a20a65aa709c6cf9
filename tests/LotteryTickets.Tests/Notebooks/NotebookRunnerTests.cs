using LotteryNotebooks.Reproduce;

namespace LotteryTickets.Tests.Notebooks;

[Collection(KernelCollection.Name)]
public class NotebookRunnerTests(KernelFixture kernel)
{
    [Fact]
    public async Task ANotebookThatThrowsIsReportedAsFailedWithTheCellAndTheError()
    {
        string fixture = Path.Combine(kernel.Repo.Root, "tests", "fixtures", "throws-on-purpose.ipynb");
        string outDir = kernel.TempOutput();
        var r = await kernel.Runner.RunAsync(fixture, Path.Combine(outDir, "throws.ipynb"), "quick", TimeSpan.FromMinutes(5), outDir);

        Assert.False(r.Succeeded);
        var error = Assert.Single(r.Errors);
        Assert.Equal(2, error.CellIndex); // markdown, then the good cell, then the throwing one
        Assert.Contains("deliberate failure for the runner test", error.Message);
        Assert.True(File.Exists(r.Output)); // the executed copy is kept for reading
        Assert.False(File.Exists(Path.ChangeExtension(r.Output!, ".partial.ipynb")));
    }

    [Fact]
    public void ReportSaysOkOrFailedPerNotebook()
    {
        var ok = new NotebookResult("a", "a.ipynb", "out/a.ipynb", true, 1.5, [], null);
        var bad = new NotebookResult("b", "b.ipynb", "out/b.ipynb", false, 2.5, [new CellError(3, "x()", "Error", "boom")], null);
        var report = new RunReport("quick", DateTimeOffset.UnixEpoch, [ok, bad]);
        string md = report.ToMarkdown();
        Assert.False(report.Succeeded);
        Assert.Contains("| a | ok | 1.5 |", md);
        Assert.Contains("| b | failed | 2.5 | cell 4 (x()): Error: boom |", md);
        Assert.Contains("1/2 notebooks ok", md);
    }

    [Theory]
    [InlineData(new string[0], "quick", 20.0)]
    [InlineData(new[] { "--budget", "full" }, "full", 360.0)]
    [InlineData(new[] { "--budget", "FULL", "--timeout-minutes", "5", "00" }, "full", 5.0)]
    public void OptionsParse(string[] args, string budget, double timeoutMinutes)
    {
        var o = RunOptions.Parse(args);
        Assert.Equal(budget, o.Budget);
        Assert.Equal(timeoutMinutes, o.Timeout.TotalMinutes);
    }

    [Fact]
    public void KernelAndBookOptionsParse()
    {
        var defaults = RunOptions.Parse([]);
        Assert.Equal((NotebookKernel.Repl, true, false), (defaults.Kernel, defaults.Book, defaults.CheckBook));
        var o = RunOptions.Parse(["--kernel", "Jupyter", "--no-book", "--check-book", "07"]);
        Assert.Equal((NotebookKernel.Jupyter, false, true), (o.Kernel, o.Book, o.CheckBook));
        Assert.Equal(["07"], o.Filters);
    }

    [Fact]
    public void JupyterWritesToTheGivenIpynbAndRefusesAnyOtherName()
    {
        var args = JupyterKernel.Arguments("07.ipynb", "/tmp/x/07.partial.ipynb", TimeSpan.FromMinutes(15));
        Assert.Equal("/tmp/x", args[Array.IndexOf(args, "--output-dir") + 1]);
        Assert.Equal("07.partial", args[Array.IndexOf(args, "--output") + 1]); // nbconvert adds .ipynb itself
        Assert.Contains("--allow-errors", args);
        Assert.Contains("--ExecutePreprocessor.timeout=900", args);
        Assert.Throws<ArgumentException>(() => JupyterKernel.Arguments("07.ipynb", "/tmp/x/07.html", TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData("--kernel", "vscode")]
    [InlineData("--budget", "huge")]
    [InlineData("--timeout-minutes", "-1")]
    [InlineData("--bogus")]
    public void BadOptionsAreRejected(params string[] args) =>
        Assert.Throws<ArgumentException>(() => RunOptions.Parse(args));
}
