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
    public static IReadOnlyList<CellError> Read(string ipynbPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ipynbPath));
        var errors = new List<CellError>();
        int index = -1;
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            index++;
            if (!cell.TryGetProperty("outputs", out var outputs)) continue;
            foreach (var output in outputs.EnumerateArray())
            {
                if (output.GetProperty("output_type").GetString() != "error") continue;
                string name = output.TryGetProperty("ename", out var n) ? n.GetString() ?? "" : "";
                string message = output.TryGetProperty("evalue", out var v) ? v.GetString() ?? "" : "";
                errors.Add(new CellError(index, FirstLine(cell), name, message));
            }
        }
        return errors;
    }

    /// <summary>True when any cell of the notebook has outputs (committed notebooks must have none).</summary>
    public static bool HasOutputs(string ipynbPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ipynbPath));
        return doc.RootElement.GetProperty("cells").EnumerateArray().Any(c =>
            (c.TryGetProperty("outputs", out var o) && o.GetArrayLength() > 0) ||
            (c.TryGetProperty("execution_count", out var e) && e.ValueKind == JsonValueKind.Number));
    }

    static string FirstLine(JsonElement cell)
    {
        if (!cell.TryGetProperty("source", out var source)) return "";
        string text = source.ValueKind == JsonValueKind.Array
            ? string.Concat(source.EnumerateArray().Select(s => s.GetString()))
            : source.GetString() ?? "";
        string first = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        return first.Length > 80 ? first[..77] + "…" : first;
    }
}
