using System.Diagnostics;
using System.Text;

namespace LotteryNotebooks.Reproduce;

/// <summary>Runs a child process with a time limit, keeping the tail of its output; kills the whole tree on timeout.</summary>
public static class ChildProcess
{
    public sealed record Outcome(int ExitCode, bool TimedOut, string OutputTail);

    public static async Task<Outcome> RunAsync(string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, Action? onTick = null, CancellationToken cancel = default)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        psi.RedirectStandardOutput = psi.RedirectStandardError = psi.RedirectStandardInput = true;
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        var tail = new StringBuilder();
        void Keep(string? line)
        {
            if (line is null) return;
            lock (tail)
            {
                tail.AppendLine(line);
                if (tail.Length > 20_000) tail.Remove(0, tail.Length - 20_000);
            }
        }
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => Keep(e.Data);
        p.ErrorDataReceived += (_, e) => Keep(e.Data);
        p.Start();
        p.StandardInput.Close();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        var exited = p.WaitForExitAsync(cancel);
        bool timedOut = false;
        while (!exited.IsCompleted)
        {
            await Task.WhenAny(exited, Task.Delay(500, CancellationToken.None));
            onTick?.Invoke();
            if (!exited.IsCompleted && (clock.Elapsed > timeout || cancel.IsCancellationRequested))
            {
                timedOut = clock.Elapsed > timeout;
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                await p.WaitForExitAsync(CancellationToken.None);
                break;
            }
        }
        p.WaitForExit(); // drains the asynchronous output readers
        onTick?.Invoke();
        lock (tail) return new Outcome(p.ExitCode, timedOut, tail.ToString());
    }
}
