namespace LotteryNotebooks.Reproduce;

/// <summary>Thrown by <see cref="RunOptions.Parse"/> for -h/--help.</summary>
public sealed class HelpRequested : Exception;
