namespace LotteryNotebooks.Reproduce;

/// <summary>The Jupyter route: what it needs and the command that executes a notebook through it.</summary>
public static class JupyterKernel
{
    /// <summary>The kernel name <c>dotnet interactive jupyter install</c> registers for C#.</summary>
    public const string Name = ".net-csharp";

    /// <summary>What to install, when this machine cannot execute a notebook through Jupyter; null when it can.</summary>
    public static async Task<string?> MissingAsync(string repoRoot)
    {
        ChildProcess.Outcome list;
        try
        {
            list = await ChildProcess.RunAsync("jupyter", ["kernelspec", "list"], repoRoot, Quiet, TimeSpan.FromMinutes(1));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "jupyter is not on PATH. Install Jupyter (Debian/Ubuntu: apt-get install jupyter-nbconvert " +
                   "python3-nbclient python3-ipykernel jupyter-client; elsewhere: pip install nbconvert ipykernel), then " +
                   "register the .NET kernel from the repository root: dotnet tool restore && dotnet tool run dotnet-interactive -- jupyter install.";
        }
        if (list.ExitCode != 0 || !list.OutputTail.Split('\n').Any(l => l.Trim().StartsWith(Name + " ", StringComparison.Ordinal)))
            return $"Jupyter has no '{Name}' kernel. Register it from the repository root: dotnet tool restore && " +
                   "dotnet tool run dotnet-interactive -- jupyter install.";
        return null;
    }

    /// <summary>Environment that keeps Jupyter's debugger warnings out of the output.</summary>
    public static readonly IReadOnlyDictionary<string, string> Quiet = new Dictionary<string, string> { ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1" };

    /// <summary>The nbconvert arguments that execute <paramref name="notebookFile"/> (in the current folder) into
    /// <paramref name="outputPath"/>, which must end in .ipynb. Errors are recorded in the output, not fatal, so that
    /// every cell runs and the errors are read back as with dotnet-repl.</summary>
    public static string[] Arguments(string notebookFile, string outputPath, TimeSpan timeout)
    {
        if (!outputPath.EndsWith(".ipynb", StringComparison.Ordinal))
            throw new ArgumentException($"outputPath must end in .ipynb; got '{outputPath}'.", nameof(outputPath));
        string full = Path.GetFullPath(outputPath);
        return ["nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                $"--ExecutePreprocessor.kernel_name={Name}",
                $"--ExecutePreprocessor.timeout={(int)Math.Ceiling(timeout.TotalSeconds)}",
                "--ExecutePreprocessor.startup_timeout=180",
                "--output-dir", Path.GetDirectoryName(full)!, "--output", Path.GetFileNameWithoutExtension(full), notebookFile];
    }
}
