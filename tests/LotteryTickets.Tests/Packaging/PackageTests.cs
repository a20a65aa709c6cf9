using LotteryNotebooks.Reproduce;
using LotteryTickets.Tests.Notebooks;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LotteryTickets.Tests.Packaging;

/// <summary>
/// The library as a user outside the repository gets it: both projects packed into a local folder feed, and a
/// notebook that references them with <c>#i "nuget: &lt;feed&gt;"</c> / <c>#r "nuget: …"</c> (plus a libtorch native
/// package) executed in the stock kernel. A version unique to the run keeps the NuGet and kernel caches from
/// answering with an earlier package; the run's packages are removed from those caches afterwards.
/// Cost here (2 cores, warm NuGet cache): about 40 s, mostly the pack (~20 s) and the kernel's restore.
/// </summary>
[Collection(KernelCollection.Name)]
[Trait("Category", "Slow")]
public class PackageTests(KernelFixture kernel)
{
    [Fact]
    public async Task PackedLibraryWorksInAnOutsideNotebookThroughItsKernelExtension()
    {
        var repo = kernel.Repo;
        string version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";
        // Under the repository (git-ignored artifacts/), so that `dotnet tool run dotnet-repl` finds the tool manifest.
        string work = Path.Combine(repo.Root, "artifacts", "package-test", Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(work, "feed");
        Directory.CreateDirectory(feed);
        // A fresh per-user cache for the kernel, so that TorchNatives lays out its natives folder on every run.
        string? savedCache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(work, "cache"));
        var clock = Stopwatch.StartNew();
        try
        {
            var pack = await ChildProcess.RunAsync("dotnet",
                ["pack", Path.Combine(repo.Root, "lib", "LotteryTickets.Packages.slnf"), "-c", "Release", "-p:LotteryPack=true",
                 $"-p:Version={version}", "-o", feed, "--nologo", "-v", "q", "-clp:ErrorsOnly"],
                repo.Root, null, TimeSpan.FromMinutes(5));
            Assert.True(pack.ExitCode == 0 && !pack.TimedOut, $"dotnet pack failed ({pack.ExitCode}):\n{pack.OutputTail}");
            double packSeconds = clock.Elapsed.TotalSeconds;

            AssertPackageLayout(Path.Combine(feed, $"LotteryTickets.Interactive.{version}.nupkg"),
                Path.Combine(feed, $"LotteryTickets.{version}.nupkg"));

            string notebook = Path.Combine(work, "outside.ipynb");
            File.WriteAllText(notebook, Notebook(
                $"#i \"nuget: {feed}\"\n#r \"nuget: LotteryTickets.Interactive, {version}\"",
                // In a later cell on purpose: the extension must still prepare libtorch's natives before the first torch call.
                "#r \"nuget: libtorch-cpu-linux-x64, 2.10.0\"",
                "using LotteryTickets.Hardware;\nusing LotteryTickets.Models;\nusing static TorchSharp.torch;\n" +
                "var model = new LeNet300100();\nvar logits = model.forward(zeros(4, 784));\n" +
                "$\"logits {string.Join(\"x\", logits.shape)} on {Devices.Describe(Devices.Choose())}\"",
                "using LotteryTickets.Interactive;\n" +
                "new LineFigure(\"squares\", \"Squares\", \"x\", \"y\", [new FigureSeries(\"x²\", [1.0, 2, 3], [1.0, 4, 9])]).ToChart()"));

            var r = await kernel.Runner.RunAsync(notebook, Path.Combine(work, "executed", "outside.ipynb"), "quick",
                TimeSpan.FromMinutes(5), Path.Combine(work, "executed"));
            Assert.True(r.Succeeded, $"{string.Join("\n", r.Errors)}\n{r.Failure}");

            string executed = File.ReadAllText(r.Output!);
            Assert.Contains($"lotterytickets.interactive/{version}/interactive-extensions/dotnet/LotteryTickets.Interactive.dll", executed);
            Assert.Contains("logits 4x10 on cpu", executed);
            Assert.Contains("lottery-chart-", executed);
            Assert.Contains("plotly.js v2.28.0", executed);
            Assert.DoesNotMatch(new Regex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase), executed);
            Assert.DoesNotContain("cdn.plot.ly/plotly", executed);
            // TorchNatives laid out its folder: a patched copy of libLibTorchSharp.so beside links to libtorch.
            if (OperatingSystem.IsLinux() && NeedsRuntimeFix())
            {
                string natives = Assert.Single(Directory.GetDirectories(Path.Combine(work, "cache", "lottery-tickets", "torch-natives")));
                Assert.Null(new FileInfo(Path.Combine(natives, "libLibTorchSharp.so")).LinkTarget);
                Assert.NotNull(new FileInfo(Path.Combine(natives, "libtorch_cpu.so")).LinkTarget);
            }
            kernel.Log.WriteLine($"package test: pack {packSeconds:0} s, notebook {r.Seconds:0} s");
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", savedCache);
            Cleanup(work, version);
        }
    }

    static bool NeedsRuntimeFix() =>
        LotteryTickets.Hardware.ElfVersionPatch.FindSystemLibStdCxx() is { } runtime
        && !LotteryTickets.Hardware.ElfVersionPatch.Defines(runtime, LotteryTickets.Hardware.TorchNatives.RuntimeVersionNeeded);

    static void AssertPackageLayout(string interactive, string library)
    {
        Assert.True(File.Exists(library), library);
        using var zip = ZipFile.OpenRead(interactive);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/LotteryTickets.Interactive.dll", entries);
        Assert.Contains("interactive-extensions/dotnet/LotteryTickets.Interactive.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("runtimes/") || e.EndsWith(".so") || e.Contains("TorchSharp.dll") || e.Contains("libtorch"));
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open());
        string nuspec = reader.ReadToEnd();
        var dependencies = Regex.Matches(nuspec, "<dependency id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(["LotteryTickets", "Plotly.NET", "Plotly.NET.CSharp", "TorchSharp"], dependencies);
    }

    static string Notebook(params string[] cells)
    {
        var list = new JsonArray();
        foreach (var source in cells)
            list.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject
                {
                    ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                    ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
                },
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            });
        var notebook = new JsonObject
        {
            ["cells"] = list,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        return notebook.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Removes the run's folder, its packages from the NuGet cache and the kernel's cached resolutions that
    /// name them (both would otherwise pile up, one version per run).</summary>
    static void Cleanup(string work, string version)
    {
        static void Try(Action a) { try { a(); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
        Try(() => Directory.Delete(work, recursive: true));
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } np ? np : Path.Combine(home, ".nuget", "packages");
        foreach (var id in new[] { "lotterytickets", "lotterytickets.interactive" })
        {
            string dir = Path.Combine(packages, id, version);
            Try(() => { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); });
        }
        string cache = Path.Combine(home, ".packagemanagement", "nuget", "Cache");
        if (Directory.Exists(cache))
            foreach (var file in Directory.GetFiles(cache))
                Try(() => { if (File.ReadAllText(file).Contains(version)) File.Delete(file); });
    }
}
