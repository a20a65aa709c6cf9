namespace LotteryTickets.Tests.Experiments;

public class BudgetTests
{
    [Theory]
    [InlineData("quick", false)]
    [InlineData(" FULL ", true)]
    public void ParsesNames(string name, bool full) => Assert.Equal(full, Budget.Parse(name).IsFull);

    [Fact]
    public void UnknownNamesAreRejected() =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => Budget.Parse("medium")).ParamName);

    [Fact]
    public void ChoosesByBudget()
    {
        Assert.Equal(3, Budget.Quick.Choose(3, 20));
        Assert.Equal(20, Budget.Full.Choose(3, 20));
    }

    [Fact]
    public void SeedsCountFromOne()
    {
        Assert.Equal([1L], Budget.Quick.Seeds());
        Assert.Equal([1L, 2, 3], Budget.Full.Seeds());
        Assert.Equal([1L, 2, 3, 4, 5], Budget.Full.Seeds(full: 5));
        Assert.Equal("full", Assert.ThrowsAny<ArgumentException>(() => Budget.Full.Seeds(full: 0)).ParamName);
    }
}
