namespace LotteryTickets.Tests.Invariants;

internal sealed partial class BadInputCases
{
    private void AddTraining() { }
    private void AddLottery() { }
    private void AddData() { }
    private void AddHardware() { }
    private void AddStorage() { }
    private void AddExperiments() { }
}
