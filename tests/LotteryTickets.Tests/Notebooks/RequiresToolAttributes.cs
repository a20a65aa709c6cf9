using LotteryNotebooks.Reproduce;
using LotteryNotebooks.Reproduce.Book;

namespace LotteryTickets.Tests.Notebooks;

/// <summary>A test that needs Jupyter with the .NET (C#) kernel registered. Where they are missing it is skipped, with
/// what to install — unless <c>LOTTERY_REQUIRE_JUPYTER=1</c> (CI sets it), where it runs and fails instead.</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute()
    {
        if (Required("LOTTERY_REQUIRE_JUPYTER")) return;
        var repo = RepoLayout.Find(AppContext.BaseDirectory);
        if (JupyterKernel.MissingAsync(repo.Root).GetAwaiter().GetResult() is { } missing)
            Skip = $"{missing} (CI installs it: .ci/run; LOTTERY_REQUIRE_JUPYTER=1 makes this a failure)";
    }

    internal static bool Required(string variable) => Environment.GetEnvironmentVariable(variable) == "1";
}

/// <summary>A test that needs Chromium. Where it is missing it is skipped, with what to install — unless
/// <c>LOTTERY_REQUIRE_CHROMIUM=1</c> (CI sets it), where it runs and fails instead.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (JupyterFactAttribute.Required("LOTTERY_REQUIRE_CHROMIUM")) return;
        if (DevTools.FindBrowser() is null)
            Skip = "needs Chromium: apt-get install chromium (Debian/Ubuntu), or set LOTTERY_CHROMIUM to a Chrome/Chromium " +
                   "executable (CI installs it: .ci/run; LOTTERY_REQUIRE_CHROMIUM=1 makes this a failure)";
    }
}
