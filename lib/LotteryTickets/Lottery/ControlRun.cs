namespace LotteryTickets.Lottery;

/// <summary>A control trained at the levels of a <see cref="LotteryRun"/>. Owns its masks.</summary>
public sealed class ControlRun : IDisposable
{
    internal ControlRun(ControlKind kind, long seed, IReadOnlyList<LevelResult> levels)
    {
        Kind = kind;
        Seed = seed;
        Levels = levels;
    }

    /// <summary>Which control.</summary>
    public ControlKind Kind { get; }

    /// <summary>The control's seed.</summary>
    public long Seed { get; }

    /// <summary>One result per level trained, in level order.</summary>
    public IReadOnlyList<LevelResult> Levels { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var l in Levels) l.Mask.Dispose();
    }
}
