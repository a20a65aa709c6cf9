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
    string outRoot = Path.GetFullPath(options.OutputDirectory ?? repo.DefaultOutput);
    Console.WriteLine($"Executed notebooks, report{(options.Book ? " and book (book/index.html)" : "")}: {outRoot}");
    bool bookOk = true;
    if (options.CheckBook)
    {
        string chromium = LotteryNotebooks.Reproduce.Book.DevTools.FindBrowser()
            ?? throw new InvalidOperationException("--check-book needs Chromium: install it (Debian/Ubuntu: apt-get install chromium) or set " +
                "LOTTERY_CHROMIUM to its path.");
        var check = await LotteryNotebooks.Reproduce.Book.BookCheck.RunAsync(Path.Combine(outRoot, "book"), chromium,
            Path.Combine(outRoot, "book-check"));
        Console.WriteLine(check);
        Console.WriteLine($"Book check: {(check.Ok ? "every page loads clean" : "FAILED")}; screenshots in {Path.Combine(outRoot, "book-check")}");
        bookOk = check.Ok;
    }
    return report.Succeeded && bookOk ? 0 : 1;
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or DirectoryNotFoundException or TimeoutException)
{
    Console.Error.WriteLine($"reproduce: {e.Message}");
    return 2;
}
