using Plotly.NET;
using Plotly.NET.LayoutObjects;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LotteryTickets.Interactive;

/// <summary>Shared pieces of the figures: name validation, CSV fields and numbers, Plotly title objects.</summary>
internal static partial class FigureText
{
    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex FileName();

    public static void CheckName(string name) =>
        Check.That(FileName().IsMatch(name ?? ""), $"figure name '{name}' must use letters, digits, '.', '_' or '-' (it names a CSV file).", "Name");

    public static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><c>string.Format</c> in the invariant culture: the findings and progress text read the same on every machine.</summary>
    public static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>A series of one point per item: its x, its y and, where <paramref name="error"/> is given, the error on y.</summary>
    public static FigureSeries Series<T>(string name, IEnumerable<T> items, Func<T, double> x, Func<T, double> y, Func<T, double>? error = null)
    {
        var list = items.ToList();
        return new(name, list.Select(x).ToList(), list.Select(y).ToList(), error is null ? null : list.Select(error).ToList());
    }

    public static Dictionary<string, object> Title(string text) => new() { ["text"] = text };

    /// <summary>A logarithmic axis over <paramref name="values"/>. Where they span only ordinary magnitudes (10⁻³ to
    /// 10⁴: percentages, counts, seconds) the ticks read as plain numbers (1, 10, 100); wider, as powers of ten (10⁻⁶)
    /// — never as plotly's default SI prefixes ("1µ").</summary>
    public static void Logarithmic(LinearAxis axis, IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        bool ordinary = positive.Count == 0 || (positive.Min() >= 1e-3 && positive.Max() <= 1e4);
        axis.SetProperty("type", "log");
        axis.SetProperty("exponentformat", ordinary ? "none" : "power");
        if (!ordinary) axis.SetProperty("showexponent", "all");
    }

    /// <summary>The collection's layout: title, axis titles, size, legend below the plot.</summary>
    public static GenericChart WithLayout(GenericChart chart, string title, string xTitle, string yTitle, int width, int height,
        Action<LinearAxis>? styleX = null, Action<LinearAxis>? styleY = null)
    {
        var xaxis = new LinearAxis();
        xaxis.SetProperty("title", Title(xTitle));
        styleX?.Invoke(xaxis);
        var yaxis = new LinearAxis();
        yaxis.SetProperty("title", Title(yTitle));
        styleY?.Invoke(yaxis);
        var layout = new Layout();
        layout.SetProperty("title", Title(title));
        layout.SetProperty("xaxis", xaxis);
        layout.SetProperty("yaxis", yaxis);
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["y"] = -0.2 });
        return GenericChart.addLayout(layout, chart);
    }
}
