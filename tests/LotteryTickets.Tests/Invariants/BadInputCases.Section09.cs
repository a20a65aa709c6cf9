namespace LotteryTickets.Tests.Invariants;

// Section 09's network experiments (issue 23): its own file, so that the sections' cases are added side by side.
internal sealed partial class BadInputCases
{
    /// <summary>Bad-input cases of section 09's public members.</summary>
    private void AddSection09()
    {
    }

    /// <summary>Declared-constraint entries (<see cref="Entry{T}"/>) of section 09's settings records.</summary>
    private void AddSection09Entries()
    {
    }
}
