using System.Text.RegularExpressions;

namespace LotteryNotebooks.Reproduce;

/// <summary>
/// The .NET runtimes the pinned notebook kernels need, checked before a kernel starts: dotnet-repl 0.3.259 and
/// dotnet-interactive 1.0.712001 (the Jupyter kernel) are built for .NET 10 — Microsoft.NETCore.App 10.x, and
/// Microsoft.AspNetCore.App 10.x for dotnet-interactive. Without them a kernel dies at start with a host error that a
/// student cannot read as "install .NET 10"; this says so in one paragraph instead.
/// </summary>
public static partial class KernelRuntime
{
    /// <summary>The major version of .NET the pinned kernel tools run on.</summary>
    public const int Major = 10;

    static readonly string[] Frameworks = ["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"];

    /// <summary>The frameworks of <see cref="Frameworks"/> that <c>dotnet --list-runtimes</c> output lacks at version
    /// <see cref="Major"/>.x.</summary>
    public static IReadOnlyList<string> Missing(string listRuntimesOutput)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in RuntimeLine().Matches(listRuntimesOutput))
            if (int.Parse(m.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture) == Major)
                present.Add(m.Groups["name"].Value);
        return Frameworks.Where(f => !present.Contains(f)).ToList();
    }

    /// <summary>The one-paragraph message for what is missing.</summary>
    public static string Explain(IReadOnlyList<string> missing, string listRuntimesOutput) =>
        $"The notebook kernels pinned in dotnet-tools.json (dotnet-repl 0.3.259, dotnet-interactive 1.0.712001) run on " +
        $".NET {Major}, and this machine lacks {string.Join(" and ", missing.Select(m => m + " " + Major + ".x"))}. " +
        $"Install the .NET {Major} SDK (it brings both runtimes; global.json selects SDK {Major}.0.x, any feature band " +
        $"from {Major}.0.100 on), e.g. from https://dotnet.microsoft.com/download/dotnet/{Major}.0 or your distribution's " +
        $"dotnet-sdk-{Major}.0 package, then run the command again. A newer .NET alone is not enough: .NET Interactive " +
        $"was deprecated upstream in 2026 and its kernels are not rebuilt for later versions. " +
        "Runtimes found: " +
            $"{(listRuntimesOutput.Trim().Length == 0 ? "none" : string.Join("; ", listRuntimesOutput.Trim().Split('\n').Select(l => l.Trim())))}.";

    /// <summary>Runs <c>dotnet --list-runtimes</c> and throws <see cref="InvalidOperationException"/> with
    /// <see cref="Explain"/>'s message when a needed runtime is missing.</summary>
    public static async Task EnsurePresentAsync(string workingDirectory)
    {
        var r = await ChildProcess.RunAsync("dotnet", ["--list-runtimes"], workingDirectory, null, TimeSpan.FromMinutes(1));
        var missing = Missing(r.OutputTail);
        if (r.ExitCode != 0 || missing.Count > 0)
            throw new InvalidOperationException(Explain(missing.Count > 0 ? missing : Frameworks, r.OutputTail));
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z.]+) (?<major>\d+)\.\d+\.\d+\S* \[", RegexOptions.Multiline)]
    private static partial Regex RuntimeLine();
}
