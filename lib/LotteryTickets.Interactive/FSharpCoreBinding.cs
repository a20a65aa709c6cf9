using System.Reflection;
using System.Runtime.Loader;

namespace LotteryTickets.Interactive;

/// <summary>
/// Plotly.NET 6 is built against FSharp.Core 10.1 while the stock kernels (dotnet-interactive, dotnet-repl) ship
/// FSharp.Core 10.0: without help the first chart fails with FileNotFoundException. This binds every FSharp.Core
/// request to the copy the kernel already loaded (C# notebook code uses no F#-only API that 10.1 added).
/// </summary>
public static class FSharpCoreBinding
{
    static int installed;

    /// <summary>Installs the binding once per process; later calls do nothing.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += (context, name) => Resolve(name);
        AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Resolve(new AssemblyName(args.Name));
    }

    static Assembly? Resolve(AssemblyName name)
    {
        if (!string.Equals(name.Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase)) return null;
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => string.Equals(a.GetName().Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
    }
}
