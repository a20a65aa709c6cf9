namespace LotteryNotebooks.Reproduce;

/// <summary>How one notebook's execution ended.</summary>
public sealed record NotebookResult(string Name, string Source, string? Output, bool Succeeded, double Seconds,
                                   IReadOnlyList<CellError> Errors, string? Failure)
{
    public string Status => Succeeded ? "ok" : "failed";

    /// <summary>The first line of the first cell error, else of the failure; empty when there is neither.</summary>
    public string FirstErrorLine() => ((Errors.Count > 0 ? Errors[0].ToString() : null) ?? Failure ?? "").Split('\n')[0];
}
