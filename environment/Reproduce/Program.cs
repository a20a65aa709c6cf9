using LotteryNotebooks.Reproduce;

RunOptions options;
try
{
    options = RunOptions.Parse(args);
}
catch (HelpRequested)
{
    Console.WriteLine(RunOptions.Usage);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(RunOptions.Usage);
    return 64;
}

try
{
    var repo = RepoLayout.Find();
    var runner = new NotebookRunner(repo, Console.Out);
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    var report = await runner.RunAllAsync(options, cancel.Token);
    Console.WriteLine();
    Console.WriteLine(report.ToMarkdown());
    Console.WriteLine($"Executed notebooks and report: {Path.GetFullPath(options.OutputDirectory ?? repo.DefaultOutput)}");
    return report.Succeeded ? 0 : 1;
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"reproduce: {e.Message}");
    return 2;
}
