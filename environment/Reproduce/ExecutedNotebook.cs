using System.Text.Json;

namespace LotteryNotebooks.Reproduce;

/// <summary>One output of an executed code cell, by its nbformat kind.</summary>
public abstract record CellOutput;

/// <summary>A rich output (display_data / execute_result): its MIME bundle.</summary>
public sealed record RichOutput(IReadOnlyDictionary<string, string> Data) : CellOutput;

/// <summary>Text a cell wrote to stdout or stderr.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>An error a cell raised.</summary>
public sealed record ErrorOutput(string Name, string Message, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>A markdown or code cell with its outputs (none for markdown).</summary>
public sealed record NotebookCell(string Kind, string Source, IReadOnlyList<CellOutput> Outputs)
{
    public bool IsCode => Kind == "code";
}

/// <summary>An executed .ipynb as the runner and the book read it: its cells with their outputs, and its summary from
/// <c>metadata.lottery.summary</c> — of the source notebook when given (the kernels may not keep it), else of this one.</summary>
public sealed record ExecutedNotebook(IReadOnlyList<NotebookCell> Cells, string? Summary)
{
    public static ExecutedNotebook Read(string ipynbPath, string? sourcePath = null)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ipynbPath));
        var cells = new List<NotebookCell>();
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            string kind = cell.GetProperty("cell_type").GetString() ?? "";
            var outputs = new List<CellOutput>();
            if (cell.TryGetProperty("outputs", out var outs))
                foreach (var o in outs.EnumerateArray())
                    outputs.Add(o.GetProperty("output_type").GetString() switch
                    {
                        "stream" => new StreamOutput(Str(o, "name"), Text(o, "text")),
                        "error" => new ErrorOutput(Str(o, "ename"), Str(o, "evalue"),
                            o.TryGetProperty("traceback", out var tb) ? tb.EnumerateArray().Select(t => t.GetString() ?? "").ToList() : []),
                        _ => new RichOutput(o.TryGetProperty("data", out var data)
                            ? data.EnumerateObject().ToDictionary(p => p.Name, p => Joined(p.Value))
                            : new Dictionary<string, string>()),
                    });
            cells.Add(new NotebookCell(kind, Text(cell, "source"), outputs));
        }
        string? summary = sourcePath is null ? SummaryIn(doc.RootElement) : File.Exists(sourcePath) ? SummaryIn(sourcePath) : null;
        return new ExecutedNotebook(cells, summary);
    }

    /// <summary>The first level-1 heading of the first markdown cell, without its '#'.</summary>
    public string? Title =>
        Cells.Where(c => c.Kind == "markdown")
             .SelectMany(c => c.Source.Split('\n'))
             .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();

    static string? SummaryIn(JsonElement notebook) => LotteryMetadata(notebook, "summary")?.GetString();

    static string? SummaryIn(string ipynbPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ipynbPath));
        return SummaryIn(doc.RootElement);
    }

    /// <summary>The notebook's <c>metadata.lottery.{key}</c>, if present.</summary>
    internal static JsonElement? LotteryMetadata(JsonElement notebook, string key) =>
        notebook.TryGetProperty("metadata", out var m) && m.TryGetProperty("lottery", out var l) && l.TryGetProperty(key, out var v) ? v : null;

    static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
    static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? Joined(v) : "";

    static string Joined(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Array => string.Concat(v.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString() : s.GetRawText())),
        JsonValueKind.String => v.GetString() ?? "",
        _ => v.GetRawText(),
    };
}
