using static TorchSharp.torch;

namespace LotteryTickets.Tests;

public class TorchLoadsTests
{
    [Fact]
    public void LibTorchLoadsAndComputes()
    {
        using var a = ones(3, 3);
        using var s = a.sum();
        Assert.Equal(9f, s.item<float>());
    }
}
