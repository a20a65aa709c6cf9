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

    public static Dictionary<string, object> Title(string text) => new() { ["text"] = text };
}
