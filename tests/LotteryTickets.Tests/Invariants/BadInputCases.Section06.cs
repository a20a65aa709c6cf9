namespace LotteryTickets.Tests.Invariants;

// Section 06's network experiments (issue 23): its own file, so that the sections' cases are added side by side.
internal sealed partial class BadInputCases
{
    /// <summary>Bad-input cases of section 06's public members.</summary>
    private void AddSection06()
    {
    }

    /// <summary>Declared-constraint entries (<see cref="Entry{T}"/>) of section 06's settings records.</summary>
    private void AddSection06Entries()
    {
    }
}
