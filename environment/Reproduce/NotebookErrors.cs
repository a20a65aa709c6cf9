using System.Text.Json;

namespace LotteryNotebooks.Reproduce;

/// <summary>One cell error found in an executed notebook.</summary>
public sealed record CellError(int CellIndex, string SourceFirstLine, string Name, string Message)
{
    public override string ToString() => $"cell {CellIndex + 1} ({SourceFirstLine}): {Name}: {Message}";
}

/// <summary>Reads the errors that an executed .ipynb records (outputs of type "error").</summary>
public static class NotebookErrors
{
    public static IReadOnlyList<CellError> Read(string ipynbPath) =>
        ExecutedNotebook.Read(ipynbPath).Cells
            .SelectMany((cell, index) =>
                cell.Outputs.OfType<ErrorOutput>().Select(e => new CellError(index, FirstLine(cell.Source), e.Name, e.Message)))
            .ToList();

    /// <summary>True when any cell of the notebook has outputs (committed notebooks must have none).</summary>
    public static bool HasOutputs(string ipynbPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ipynbPath));
        return doc.RootElement.GetProperty("cells").EnumerateArray().Any(c =>
            (c.TryGetProperty("outputs", out var o) && o.GetArrayLength() > 0) ||
            (c.TryGetProperty("execution_count", out var e) && e.ValueKind == JsonValueKind.Number));
    }

    static string FirstLine(string source)
    {
        string first = source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        return first.Length > 80 ? first[..77] + "…" : first;
    }
}
