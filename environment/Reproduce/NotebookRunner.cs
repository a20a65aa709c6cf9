using System.Diagnostics;

namespace LotteryNotebooks.Reproduce;

/// <summary>
/// Executes notebooks top to bottom in the stock kernel: dotnet-repl from the repository's tool manifest, run in the
/// notebook's own folder (so its relative <c>#r</c> paths resolve as they do in VS Code and Jupyter). A notebook
/// fails when any cell records an error or the kernel exits non-zero.
/// </summary>
public sealed class NotebookRunner(RepoLayout repo, TextWriter log)
{
    /// <summary>Checks the .NET runtime the kernels need, restores the pinned kernel tools and builds the notebook
    /// payload (artifacts/notebook).</summary>
    public async Task PrepareAsync(bool build)
    {
        log.WriteLine($"• checking for the .NET {KernelRuntime.Major} runtimes the notebook kernels run on");
        await KernelRuntime.EnsurePresentAsync(repo.Root);
        await Step("restoring the notebook kernel (dotnet tool restore)", "dotnet", ["tool", "restore"], TimeSpan.FromMinutes(10));
        if (build)
            await Step("building the library for the notebooks (artifacts/notebook)", "dotnet",
                ["build", repo.PayloadProject, "-c", "Release", "--nologo", "-v", "q", "-clp:ErrorsOnly"], TimeSpan.FromMinutes(20));
    }

    async Task Step(string what, string file, string[] args, TimeSpan timeout)
    {
        log.WriteLine($"• {what}");
        var r = await ChildProcess.RunAsync(file, args, repo.Root, null, timeout);
        if (r.ExitCode != 0 || r.TimedOut)
            throw new InvalidOperationException($"{what} failed (exit {r.ExitCode}{(r.TimedOut ? ", timed out" : "")}):\n{r.OutputTail}");
    }

    // The commit the notebooks run (recorded in their verdicts): read once per runner.
    readonly Lazy<string> commit = new(() => Book.BookWriter.ProvenanceNow(repo.Root, "").Commit);

    /// <summary>Runs one notebook and writes the executed copy to <paramref name="outputPath"/>.</summary>
    public async Task<NotebookResult> RunAsync(string notebookPath, string outputPath, string budget, TimeSpan timeout,
        string outputRoot, CancellationToken cancel = default, NotebookKernel kernel = NotebookKernel.Repl)
    {
        string name = Path.GetFileNameWithoutExtension(notebookPath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        string partial = Path.ChangeExtension(outputPath, ".partial.ipynb");
        File.Delete(partial);
        string progressFile = Path.Combine(Path.GetTempPath(), $"lottery-progress-{Guid.NewGuid():N}.txt");
        var env = new Dictionary<string, string>
        {
            ["LOTTERY_BUDGET"] = budget,
            ["LOTTERY_OUT"] = Path.GetFullPath(outputRoot),
            ["LOTTERY_NOTEBOOK"] = name,
            ["LOTTERY_PROGRESS_FILE"] = progressFile,
            ["LOTTERY_COMMIT"] = commit.Value,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (k, v) in JupyterKernel.Quiet) env[k] = v;
        long shown = 0;
        var clock = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        void ShowProgress()
        {
            if (File.Exists(progressFile))
            {
                using var fs = new FileStream(progressFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                fs.Seek(shown, SeekOrigin.Begin);
                string text = new StreamReader(fs).ReadToEnd();
                int end = text.LastIndexOf('\n');
                if (end >= 0)
                {
                    foreach (var l in text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
                        log.WriteLine($"    {name} │ {l.TrimEnd()}");
                    shown += System.Text.Encoding.UTF8.GetByteCount(text[..(end + 1)]);
                    lastPrint = clock.Elapsed;
                }
            }
            if (clock.Elapsed - lastPrint > TimeSpan.FromSeconds(30))
            {
                log.WriteLine($"    {name} │ running… {clock.Elapsed.TotalSeconds:0} s");
                lastPrint = clock.Elapsed;
            }
        }
        ChildProcess.Outcome outcome;
        try
        {
            // Both kernels run in the notebook's own folder, so its relative #r paths resolve as in VS Code and Jupyter.
            (string file, string[] args) = kernel switch
            {
                NotebookKernel.Jupyter => ("jupyter", JupyterKernel.Arguments(Path.GetFileName(notebookPath), partial, timeout)),
                _ => ("dotnet", ["tool", "run", "dotnet-repl", "--", "--run", Path.GetFileName(notebookPath), "--exit-after-run",
                                  "--output-format", "ipynb", "--output-path", Path.GetFullPath(partial)]),
            };
            outcome = await ChildProcess.RunAsync(file, args, Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, env, timeout, ShowProgress,
                cancel);
        }
        finally
        {
            File.Delete(progressFile);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        string? timedOut = outcome.TimedOut ? $"timed out after {timeout.TotalMinutes:0.#} min" : null;
        if (!File.Exists(partial))
            return new NotebookResult(name, notebookPath, null, false, seconds, [],
                timedOut ?? $"the kernel wrote no notebook (exit {outcome.ExitCode}):\n{Tail(outcome.OutputTail)}");
        File.Move(partial, outputPath, overwrite: true);
        var errors = NotebookErrors.Read(outputPath);
        string? failure = timedOut
            ?? (errors.Count == 0 && outcome.ExitCode != 0 ? $"the kernel exited with {outcome.ExitCode}:\n{Tail(outcome.OutputTail)}" : null);
        return new NotebookResult(name, notebookPath, outputPath, errors.Count == 0 && failure is null, seconds, errors, failure);
    }

    static string Tail(string s) => s.Length > 4000 ? "…" + s[^4000..] : s;

    /// <summary>Runs the selected notebooks of the collection, <see cref="RunOptions.Jobs"/> at a time as
    /// <see cref="CollectionSchedule"/> orders them, and writes report.md / report.json (in the collection's order).</summary>
    public async Task<RunReport> RunAllAsync(RunOptions options, CancellationToken cancel = default)
    {
        string outRoot = Path.GetFullPath(options.OutputDirectory ?? repo.DefaultOutput);
        Directory.CreateDirectory(outRoot);
        var notebooks = repo.Notebooks()
            .Where(p => options.Filters.Count == 0 ||
                options.Filters.Any(f => Path.GetFileNameWithoutExtension(p).StartsWith(f, StringComparison.OrdinalIgnoreCase)))
            .Select(ScheduledNotebook.Read)
            .ToList();
        if (notebooks.Count == 0)
            throw new ArgumentException($"no notebook matches {string.Join(", ", options.Filters)} in {repo.NotebooksDirectory}.");
        await PrepareAsync(options.Build);
        if (options.Kernel == NotebookKernel.Jupyter && await JupyterKernel.MissingAsync(repo.Root) is { } missing)
            throw new InvalidOperationException($"--kernel jupyter: {missing}");
        var schedule = new CollectionSchedule(notebooks, options.Jobs);
        log.WriteLine($"• {notebooks.Count} notebooks, up to {schedule.Jobs} at a time (timed ones alone)");
        var results = new NotebookResult?[notebooks.Count];
        var running = new Dictionary<Task<NotebookResult>, ScheduledNotebook>();
        var clock = Stopwatch.StartNew();
        int started = 0;
        while (!schedule.Done)
        {
            while (schedule.Next() is { } nb)
            {
                string relative = Path.GetRelativePath(repo.NotebooksDirectory, nb.Path);
                log.WriteLine($"[{++started}/{notebooks.Count}] {relative} (budget {options.Budget}, {options.Kernel.ToString().ToLowerInvariant()}" +
                              $"{(nb.Timed ? ", timed: alone" : "")}) at {clock.Elapsed.TotalSeconds:0} s");
                running.Add(RunAsync(nb.Path, Path.Combine(outRoot, relative), options.Budget, options.Timeout, outRoot, cancel, options.Kernel), nb);
            }
            var done = await Task.WhenAny(running.Keys);
            var finished = running[done];
            running.Remove(done);
            schedule.Finished(finished);
            var r = await done;
            results[notebooks.IndexOf(finished)] = r;
            log.WriteLine($"    → {r.Name} {r.Status} in {r.Seconds:0.0} s");
            foreach (var e in r.Errors) log.WriteLine($"    ✗ {e}");
            if (r.Failure is not null) log.WriteLine($"    ✗ {r.Failure}");
        }
        var report = new RunReport(options.Budget, DateTimeOffset.Now, results.Select(r => r!).ToList())
            { WallSeconds = clock.Elapsed.TotalSeconds, Jobs = schedule.Jobs };
        report.Write(outRoot);
        if (options.Book)
            log.WriteLine($"• the book: {Book.BookWriter.Write(outRoot, report, Book.BookWriter.ProvenanceNow(repo.Root, options.Budget))}");
        return report;
    }
}
