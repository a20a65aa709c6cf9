using LotteryTickets.Experiments;
using LotteryTickets.Hardware;
using static TorchSharp.torch;

namespace LotteryTickets.Interactive;

/// <summary>What <see cref="Notebook.Setup"/> decided: the notebook's name, device, budget and library version.</summary>
public sealed record NotebookSession(string Name, Device Device, Budget Budget, string LibraryVersion)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: device {Devices.Describe(Device)}, budget {Budget.Name}, LotteryTickets {LibraryVersion}";
}
