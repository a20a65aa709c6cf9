using System.Reflection;
using System.Runtime.InteropServices;

namespace LotteryTickets.Hardware;

/// <summary>
/// Makes TorchSharp's native library loadable where the system C++ runtime is too old for it (Debian 12, Ubuntu
/// 22.04: TorchSharp 0.107's <c>libLibTorchSharp.so</c> asks for <c>GLIBCXX_3.4.32</c>, which nothing calls). For
/// users of the NuGet packages: it lays out, once per user, a folder under the user's cache directory
/// (<c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, <c>lottery-tickets/torch-natives/</c>) holding links to the libtorch
/// natives of the NuGet package cache and a copy of <c>libLibTorchSharp.so</c> with that one requirement marked weak,
/// and loads it from there, before any torch call. It does nothing on other systems, on Linux systems whose
/// libstdc++ is new enough, when TorchSharp's natives are already loaded, and when the natives sit beside
/// TorchSharp.dll (the repository's own notebook folder, patched when it is built).
/// </summary>
public static class TorchNatives
{
    /// <summary>The symbol version that TorchSharp's native library asks for and older C++ runtimes lack.</summary>
    public const string RuntimeVersionNeeded = "GLIBCXX_3.4.32";

    /// <summary>Environment variable naming a folder that holds the libtorch natives (libtorch.so, libc10.so, …) to
    /// use instead of the <c>libtorch-cpu-&lt;rid&gt;</c> package in the NuGet cache (for instance a CUDA libtorch).</summary>
    public const string LibTorchFolderVariable = "LOTTERY_LIBTORCH_NATIVE";

    const string LibTorchSharp = "libLibTorchSharp.so";
    static readonly object Gate = new();
    static string? loadedFrom;
    static readonly Lazy<bool> RuntimeTooOld = new(() =>
    {
        string? runtime = ElfVersionPatch.FindSystemLibStdCxx();
        return runtime is not null && !ElfVersionPatch.Defines(runtime, RuntimeVersionNeeded);
    });

    /// <summary>
    /// Prepares and loads TorchSharp's natives where needed; call before the first torch call. Idempotent and
    /// thread-safe. Returns the folder it loaded them from, or null when nothing had to be done.
    /// </summary>
    /// <exception cref="TorchNativesNotFoundException">The runtime needs the fix but TorchSharp's or libtorch's natives
    /// are not in the NuGet cache (the message names what is missing and the package to reference).</exception>
    public static string? EnsureLoadable()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return null;
        lock (Gate)
        {
            if (loadedFrom is not null) return loadedFrom;
            if (IsLibTorchSharpLoaded()) return null;
            string torchSharpDll = typeof(TorchSharp.torch).Assembly.Location;
            string? besideDll = torchSharpDll.Length > 0 ? Path.GetDirectoryName(torchSharpDll) : null;
            if (besideDll is not null && File.Exists(Path.Combine(besideDll, LibTorchSharp)) && File.Exists(Path.Combine(besideDll, "libtorch.so")))
                return null; // a build output with flat natives: patched at build time (build/TorchNative.targets)
            if (!RuntimeTooOld.Value) return null;

            var (libTorchSharp, libTorchDir) = FindInPackageCache(torchSharpDll);
            string folder = PrepareFolder(libTorchSharp, libTorchDir, CacheRoot());
            NativeLibrary.Load(Path.Combine(folder, LibTorchSharp));
            loadedFrom = folder;
            return folder;
        }
    }

    /// <summary>Whether a libLibTorchSharp.so is mapped into this process already.</summary>
    internal static bool IsLibTorchSharpLoaded()
    {
        try { return File.ReadLines("/proc/self/maps").Any(l => l.EndsWith("/" + LibTorchSharp, StringComparison.Ordinal)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    static string Rid => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    static string LibTorchVersion =>
        typeof(TorchNatives).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "LibTorchVersion")?.Value ?? "2.10.0";

    /// <summary>Finds libLibTorchSharp.so and a libtorch native folder in the NuGet package cache.</summary>
    internal static (string LibTorchSharp, string LibTorchDir) FindInPackageCache(string torchSharpDll)
    {
        // <packages>/torchsharp/<version>/lib/<tfm>/TorchSharp.dll: the cache the kernel restored into comes first.
        var roots = new List<string>();
        string? version = null;
        if (torchSharpDll.Length > 0)
        {
            var versionDir = Directory.GetParent(torchSharpDll)?.Parent?.Parent;
            if (versionDir?.Parent is { } packageDir && packageDir.Name.Equals("torchsharp", StringComparison.OrdinalIgnoreCase)
                && packageDir.Parent is { } root)
            {
                version = versionDir.Name;
                roots.Add(root.FullName);
            }
        }
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } np) roots.Add(np);
        roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
        version ??= typeof(TorchSharp.torch).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.107.0";
        return FindIn(roots, version);
    }

    /// <summary>Finds TorchSharp <paramref name="version"/>'s libLibTorchSharp.so and a libtorch native folder in
    /// the given NuGet package folders (the first that has each).</summary>
    internal static (string LibTorchSharp, string LibTorchDir) FindIn(IEnumerable<string> packageRoots, string version)
    {
        var roots = packageRoots.Select(r => Path.GetFullPath(r)).Distinct().ToList();

        string? libTorchSharp = roots
            .Select(r => Path.Combine(r, "torchsharp", version, "runtimes", Rid, "native", LibTorchSharp))
            .FirstOrDefault(File.Exists);
        if (libTorchSharp is null)
            throw new TorchNativesNotFoundException(
                $"TorchSharp's native library ({LibTorchSharp}) was not found: looked for torchsharp/{version}/runtimes/{Rid}/native/ " +
                $"in {string.Join(", ", roots)}. Reference the TorchSharp {version} package (the LotteryTickets package depends on it).");

        string? libTorchDir;
        string? named = Environment.GetEnvironmentVariable(LibTorchFolderVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            libTorchDir = Path.GetFullPath(named);
            if (!File.Exists(Path.Combine(libTorchDir, "libtorch.so")))
                throw new TorchNativesNotFoundException($"{LibTorchFolderVariable}={named} holds no libtorch.so.");
        }
        else
        {
            string package = $"libtorch-cpu-{Rid}";
            libTorchDir = roots
                .Select(r => Path.Combine(r, package, LibTorchVersion, "runtimes", Rid, "native"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "libtorch.so")));
            if (libTorchDir is null)
                throw new TorchNativesNotFoundException(
                    $"libtorch's natives were not found: looked for {package}/{LibTorchVersion}/runtimes/{Rid}/native/libtorch.so in " +
                    $"{string.Join(", ", roots)}. Reference them in the notebook before the first torch call: " +
                    $"#r \"nuget: {package}, {LibTorchVersion}\" (or set {LibTorchFolderVariable} to a folder holding libtorch.so).");
        }
        return (libTorchSharp, libTorchDir);
    }

    static string CacheRoot()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string baseDir = !string.IsNullOrWhiteSpace(xdg) ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "lottery-tickets", "torch-natives");
    }

    /// <summary>
    /// Lays out (once; atomically: a temporary folder renamed into place) a folder under <paramref name="cacheRoot"/>
    /// with symbolic links to every file of <paramref name="libTorchDir"/> and a patched copy of
    /// <paramref name="libTorchSharp"/>, and returns it. A folder left by an earlier call is reused while its links
    /// still resolve.
    /// </summary>
    internal static string PrepareFolder(string libTorchSharp, string libTorchDir, string cacheRoot)
    {
        string key = Fnv1a64(Path.GetFullPath(libTorchSharp) + "\n" + Path.GetFullPath(libTorchDir)).ToString("x16");
        string folder = Path.Combine(cacheRoot, key);
        if (IsComplete(folder, libTorchDir)) return folder;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); // stale: a package cache was cleared

        Directory.CreateDirectory(cacheRoot);
        string temp = Path.Combine(cacheRoot, $".{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var file in Directory.GetFiles(libTorchDir).Where(f => Path.GetFileName(f) != LibTorchSharp))
                File.CreateSymbolicLink(Path.Combine(temp, Path.GetFileName(file)), Path.GetFullPath(file));
            string copy = Path.Combine(temp, LibTorchSharp);
            File.Copy(libTorchSharp, copy);
            ElfVersionPatch.Patch(copy, RuntimeVersionNeeded);
            File.WriteAllText(Path.Combine(temp, "SOURCE.txt"),
                $"{LibTorchSharp}: patched copy of {libTorchSharp} ({RuntimeVersionNeeded} marked weak)\nother files: links to {libTorchDir}\n");
            try { Directory.Move(temp, folder); }
            catch (IOException) when (IsComplete(folder, libTorchDir)) { } // another process finished first: use its folder
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
        return IsComplete(folder, libTorchDir) ? folder : throw new IOException($"could not lay out TorchSharp's natives in {folder}.");
    }

    static bool IsComplete(string folder, string libTorchDir) =>
        File.Exists(Path.Combine(folder, LibTorchSharp))
        && Directory.GetFiles(libTorchDir).All(f => Path.GetFileName(f) == LibTorchSharp || File.Exists(Path.Combine(folder, Path.GetFileName(f))));

    static ulong Fnv1a64(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s) { h ^= c; h *= 1099511628211UL; }
        return h;
    }
}
