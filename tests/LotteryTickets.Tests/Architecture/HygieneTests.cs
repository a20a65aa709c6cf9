using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LotteryTickets.Tests.Architecture;

/// <summary>
/// The source layout, read from the .cs files themselves: a file's namespace is its folder, a file declares one public
/// type (small records and enums may sit beside it), and no line is longer than the .editorconfig's
/// <c>max_line_length</c>. A failure names every offending file (and line).
/// </summary>
public partial class HygieneTests
{
    /// <summary>The .editorconfig's <c>max_line_length</c> for C#.</summary>
    public const int MaxLineLength = 150;

    /// <summary>
    /// A public type beside a file's primary type must be a record or an enum of at most this many lines, counted from
    /// its declaration line to its last line (its closing brace, or the semicolon of a positional record), XML docs and
    /// attributes not counted.
    /// </summary>
    public const int MaxCompanionLines = 15;

    // Each project folder under the repository root, with the namespace of the files at its top.
    private static readonly (string Folder, string Namespace)[] Projects =
    [
        ("lib/LotteryTickets", "LotteryTickets"),
        ("lib/LotteryTickets.Interactive", "LotteryTickets.Interactive"),
        ("environment/Reproduce", "LotteryNotebooks.Reproduce"),
    ];

    private static readonly string[] LineLengthRoots = ["lib", "environment", "tests", "benchmarks"];

    private static string RepoRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    // group 1: the name, group 2: the semicolon of a file-scoped declaration.
    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*(;)?")]
    private static partial Regex Namespace();

    // A type declared at the top level of a file-scoped namespace starts at column 0.
    [GeneratedRegex(@"^(?<access>public\s+|internal\s+|file\s+)?(?:(?:sealed|static|abstract|readonly|partial|ref|unsafe)\s+)*" +
        @"(?<kind>record\s+struct|record\s+class|record|class|interface|enum|struct)\s+(?<name>\w+)")]
    private static partial Regex TopLevelType();

    /// <summary>The .cs files under <paramref name="folder"/> (relative to the repository root), build outputs left out.</summary>
    private static List<string> SourceFiles(string folder)
    {
        string full = Path.Combine(RepoRoot(), folder);
        if (!Directory.Exists(full)) return [];
        char s = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(full, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{s}obj{s}", StringComparison.Ordinal) && !f.Contains($"{s}bin{s}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Relative(string file) => Path.GetRelativePath(RepoRoot(), file).Replace('\\', '/');

    [Fact]
    public void EveryFilesNamespaceIsItsFolder()
    {
        var failures = new List<string>();
        var files = Projects.SelectMany(p => SourceFiles(p.Folder).Select(f => (p.Folder, p.Namespace, File: f))).ToList();
        foreach (var (folder, rootNamespace, file) in files)
        {
            string relativeFolder = Path.GetRelativePath(Path.Combine(RepoRoot(), folder), Path.GetDirectoryName(file)!);
            string expected = relativeFolder == "." ? rootNamespace : rootNamespace + "." + relativeFolder.Replace('\\', '.').Replace('/', '.');
            var declared = File.ReadLines(file).Select(l => Namespace().Match(l)).FirstOrDefault(m => m.Success);
            // Top-level statements (a Program.cs) declare no namespace; any other namespace must be file-scoped.
            if (declared is { Groups: [_, _, { Success: false }] }) failures.Add($"{Relative(file)}: the namespace is not file-scoped");
            else if (declared is null && Path.GetFileName(file) != "Program.cs")
                failures.Add($"{Relative(file)}: declares no namespace (expected {expected})");
            else if (declared is not null && declared.Groups[1].Value != expected)
                failures.Add($"{Relative(file)}: namespace {declared.Groups[1].Value}, expected {expected} (its folder)");
        }
        int checkedFiles = files.Count;
        Assert.True(checkedFiles > 100, $"only {checkedFiles} files found under {RepoRoot()}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void NoLineIsLongerThanTheEditorConfigAllows()
    {
        var files = LineLengthRoots.SelectMany(SourceFiles).ToList();
        int checkedFiles = files.Count;
        var failures = files.SelectMany(file => File.ReadAllLines(file).Select((line, i) => (line, i))
            .Where(l => l.line.Length > MaxLineLength).Select(l => $"{Relative(file)}:{l.i + 1}: {l.line.Length} characters")).ToList();
        Assert.True(checkedFiles > 200, $"only {checkedFiles} files found under {RepoRoot()}");
        Assert.True(failures.Count == 0, $"{failures.Count} lines over {MaxLineLength} characters:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EachFileDeclaresOnePublicTypeWithSmallRecordsOrEnumsBesideIt()
    {
        var failures = new List<string>();
        foreach (var (folder, _) in Projects)
            foreach (string file in SourceFiles(folder))
            {
                var types = TopLevelTypes(File.ReadAllLines(file)).Where(t => t.Public).ToList();
                if (types.Count <= 1) continue;
                // The primary type is the one the file is named after (Check.Tensors.cs holds part of Check).
                string primary = Path.GetFileNameWithoutExtension(file).Split('.')[0];
                if (!types.Any(t => t.Name == primary))
                {
                    failures.Add($"{Relative(file)}: {types.Count} public types ({string.Join(", ", types.Select(t => t.Name))}) " +
                        $"and none is named after the file");
                    continue;
                }
                foreach (var t in types.Where(t => t.Name != primary))
                    if (!t.Kind.StartsWith("record", StringComparison.Ordinal) && t.Kind != "enum")
                        failures.Add($"{Relative(file)}: public {t.Kind} {t.Name} beside {primary}: give it its own file");
                    else if (t.Lines > MaxCompanionLines)
                        failures.Add($"{Relative(file)}: public {t.Kind} {t.Name} beside {primary} has {t.Lines} lines " +
                            $"(at most {MaxCompanionLines}): give it its own file");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The types declared at the top of a file-scoped namespace (their declarations start at column 0), each with its
    /// length: from the declaration line to the line that closes its body (braces counted), or, without a body, to the
    /// line that ends it with a semicolon.
    /// </summary>
    private static IEnumerable<(string Name, string Kind, bool Public, int Lines)> TopLevelTypes(string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            var m = TopLevelType().Match(lines[i]);
            if (!m.Success) continue;
            int depth = 0, end = i;
            bool body = false;
            for (int j = i; j < lines.Length; j++)
            {
                end = j;
                foreach (char c in lines[j])
                    if (c == '{') { depth++; body = true; }
                    else if (c == '}') depth--;
                if (body ? depth <= 0 : lines[j].TrimEnd().EndsWith(';'))
                    break;
            }
            yield return (m.Groups["name"].Value, Regex.Replace(m.Groups["kind"].Value, @"\s+", " "),
                m.Groups["access"].Value.Trim() == "public", end - i + 1);
            i = end;
        }
    }
}
