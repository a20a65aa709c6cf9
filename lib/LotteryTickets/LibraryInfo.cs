using System.Reflection;

namespace LotteryTickets;

/// <summary>Facts about this build of the library.</summary>
public static class LibraryInfo
{
    /// <summary>The library's informational version (the package version, e.g. <c>0.1.0</c>).</summary>
    public static string Version { get; } =
        typeof(LibraryInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
