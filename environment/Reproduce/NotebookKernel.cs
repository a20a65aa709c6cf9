namespace LotteryNotebooks.Reproduce;

/// <summary>The stock kernels a notebook can be executed in — the ways a reader opens one.</summary>
public enum NotebookKernel
{
    /// <summary>dotnet-repl from the tool manifest (the default: needs nothing but the .NET SDK).</summary>
    Repl,

    /// <summary>Jupyter's <c>nbconvert --execute</c> with the .NET (C#) kernel of dotnet-interactive — the kernel that
    /// Jupyter and VS Code's Jupyter extension run.</summary>
    Jupyter,
}
