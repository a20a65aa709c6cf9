namespace LotteryNotebooks.Reproduce;

/// <summary>How one notebook's execution ended.</summary>
public sealed record NotebookResult(string Name, string Source, string? Output, bool Succeeded, double Seconds,
                                   IReadOnlyList<CellError> Errors, string? Failure)
{
    public string Status => Succeeded ? "ok" : "failed";
}
