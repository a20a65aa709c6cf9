namespace LotteryTickets.Tests.Packaging;

/// <summary>The folder TorchNatives lays out for package users: links to libtorch, a patched libLibTorchSharp.so,
/// built once and atomically, rebuilt when a link no longer resolves.</summary>
public class TorchNativesTests
{
    static string RealLibTorchSharp()
    {
        // The NuGet cache's unpatched copy where it exists, else the (patched) copy beside the test's TorchSharp.dll.
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } np ? np
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cached = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(cached) ? cached : Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
    }

    [Fact]
    public void LaysOutLinksAndAPatchedCopyOnceAndRebuildsWhenStale()
    {
        if (!OperatingSystem.IsLinux() ||
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64) return;
        using var tmp = new TempFolder("lottery-natives");
        string libtorch = Directory.CreateDirectory(tmp["libtorch"]).FullName;
        foreach (var name in new[] { "libtorch.so", "libc10.so", "libtorch_cpu.so", "libgomp-98b21ff3.so.1" })
            File.WriteAllText(Path.Combine(libtorch, name), name);
        string source = RealLibTorchSharp();

        string folder = TorchNatives.PrepareFolder(source, libtorch, tmp["cache"]);

        foreach (var name in new[] { "libtorch.so", "libc10.so", "libtorch_cpu.so", "libgomp-98b21ff3.so.1" })
        {
            var link = new FileInfo(Path.Combine(folder, name));
            Assert.Equal(Path.Combine(libtorch, name), link.LinkTarget);
            Assert.Equal(name, File.ReadAllText(link.FullName));
        }
        string copy = Path.Combine(folder, "libLibTorchSharp.so");
        Assert.Null(new FileInfo(copy).LinkTarget);
        string probe = tmp["probe.so"];
        File.Copy(copy, probe);
        Assert.Equal(0, ElfVersionPatch.Patch(probe, TorchNatives.RuntimeVersionNeeded)); // already weak
        Assert.Single(Directory.GetDirectories(tmp["cache"]));                             // no temporary left

        var written = File.GetLastWriteTimeUtc(copy);
        Assert.Equal(folder, TorchNatives.PrepareFolder(source, libtorch, tmp["cache"]));
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));                             // reused, not redone

        File.Delete(Path.Combine(libtorch, "libc10.so"));
        File.WriteAllText(Path.Combine(libtorch, "libc10.so.2"), "moved");
        Assert.Equal(folder, TorchNatives.PrepareFolder(source, libtorch, tmp["cache"]));
        Assert.True(File.Exists(Path.Combine(folder, "libc10.so.2")));
        Assert.False(File.Exists(Path.Combine(folder, "libc10.so")));
    }

    [Fact]
    public void NamesTheMissingLibTorchPackage()
    {
        if (!OperatingSystem.IsLinux() ||
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64) return;
        using var tmp = new TempFolder("lottery-natives");
        string native = Directory.CreateDirectory(Path.Combine(tmp.Path, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native")).FullName;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TorchNatives.LibTorchFolderVariable))) return;

        var e = Assert.Throws<TorchNativesNotFoundException>(() => TorchNatives.FindIn([tmp.Path], "0.107.0"));
        Assert.Contains("TorchSharp 0.107.0", e.Message);

        File.WriteAllText(Path.Combine(native, "libLibTorchSharp.so"), "");
        e = Assert.Throws<TorchNativesNotFoundException>(() => TorchNatives.FindIn([tmp.Path], "0.107.0"));
        Assert.Contains("#r \"nuget: libtorch-cpu-linux-x64, 2.10.0\"", e.Message);

        string libtorch = Directory.CreateDirectory(Path.Combine(tmp.Path, "libtorch-cpu-linux-x64", "2.10.0", "runtimes", "linux-x64",
            "native")).FullName;
        File.WriteAllText(Path.Combine(libtorch, "libtorch.so"), "");
        var found = TorchNatives.FindIn([tmp.Path], "0.107.0");
        Assert.Equal(Path.Combine(native, "libLibTorchSharp.so"), found.LibTorchSharp);
        Assert.Equal(libtorch, found.LibTorchDir);
    }

    [Fact]
    public void DoesNothingInTheRepositoryBuildOutput()
    {
        // The test output holds TorchSharp.dll with flat, build-time patched natives (build/TorchNative.targets).
        Assert.Null(TorchNatives.EnsureLoadable());
    }
}
