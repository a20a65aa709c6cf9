namespace LotteryTickets.Tests.Curriculum;

public class L1ProximalNewtonTests
{
    [Fact]
    public void FullBudgetIsLarger()
    {
        Assert.True(L1ProximalNewton.Convergence(Budget.Full).Problems > L1ProximalNewton.Convergence(Budget.Quick).Problems);
        Assert.True(L1ProximalNewton.Path(Budget.Full).Lambdas > L1ProximalNewton.Path(Budget.Quick).Lambdas);
        Assert.Equal(L1ProximalNewton.Path(Budget.Quick).Key(Budget.Quick), L1ProximalNewton.Path(Budget.Quick).Key(Budget.Quick));
        Assert.Equal("budget", Assert.Throws<ArgumentNullException>(() => L1ProximalNewton.Path(null!)).ParamName);
        Assert.Equal("budget", Assert.Throws<ArgumentNullException>(() => L1ProximalNewton.Convergence(null!)).ParamName);
    }
}
