namespace LotteryTickets.Tests.Invariants;

// Section 07's network experiments (issue 23): its own file, so that the sections' cases are added side by side.
internal sealed partial class BadInputCases
{
    /// <summary>Bad-input cases of section 07's public members.</summary>
    private void AddSection07()
    {
    }

    /// <summary>Declared-constraint entries (<see cref="Entry{T}"/>) of section 07's settings records.</summary>
    private void AddSection07Entries()
    {
    }
}
