using LotteryTickets.Experiments;
using LotteryTickets.Lottery;
using LotteryTickets.Pruning;
using LotteryTickets.Sparse;
using Microsoft.DotNet.Interactive.Formatting;
using System.Globalization;

namespace LotteryTickets.Interactive;

/// <summary>HTML tables for the library's results, registered by <see cref="Notebook.Setup"/>.</summary>
public static class HtmlFormatters
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Registers the formatters (idempotent: a later registration replaces an earlier one).</summary>
    public static void Register()
    {
        Register<NotebookSession>(s => $"<div style=\"font-family:monospace\">{System.Net.WebUtility.HtmlEncode(s.ToString())}</div>");
        Register<ProgressLine>(p => $"<div style=\"font-family:monospace\">{System.Net.WebUtility.HtmlEncode(p.Text)}</div>");
        Register<SparsityReport>(r => ToHtml(r));
        Register<ShownFigure>(f => f.ToHtml());
        Register<TicketExperimentResult>(r => ToHtml(r));
        Register<LotteryHparams>(h => ParameterTable("Hyper-parameters", h));
        Register<PhaseDiagramResult>(r => ToHtml(r));
        Register<NetworkDictionaryResult>(r => ToHtml(r));
        Register<RunStore>(s => ToHtml(s));
        Register<VerdictTable>(t => t.ToHtml());
    }

    static void Register<T>(Func<T, string> html) =>
        Formatter.Register<T>((value, writer) => writer.Write(html(value)), HtmlFormatter.MimeType);

    /// <summary>Every setting of a configuration record, nested records flattened to dotted names (a model by its
    /// <see cref="Models.ModelHparams.Name"/> and its architecture's own widths); enums by their stored names.</summary>
    public static string ParameterTable(string caption, object parameters)
    {
        Check.NotNull(parameters);
        var rows = new List<IReadOnlyList<string>>();
        void Walk(object value, string prefix)
        {
            if (value is Models.ModelHparams model) rows.Add([prefix + nameof(model.Name), model.Name]);
            foreach (var p in value.GetType().GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0).OrderBy(p =>
                p.MetadataToken))
            {
                if (p.IsDefined(typeof(InVariantNameAttribute), true)) continue; // the model's name says it
                object? v = p.GetValue(value);
                string name = prefix + p.Name;
                if (v is not null && v.GetType().Namespace?.StartsWith("LotteryTickets", StringComparison.Ordinal) == true && !v.GetType().IsEnum)
                    Walk(v, name + ".");
                else
                    rows.Add([name,
                        v switch { null => "—", double d => d.ToString("G6", C), Enum e => SerialNames.Of(e), IFormattable f => f.ToString(null, C),
                            _ => v.ToString() ?? "" }]);
            }
        }
        Walk(parameters, "");
        return HtmlTable.Render(caption, ["setting", "value"], rows);
    }

    /// <summary>Per layer and total: kept / total weights and % kept.</summary>
    public static string ToHtml(SparsityReport report)
    {
        Check.NotNull(report);
        var rows = report.Rows.Append(report.Total).Select(r => (IReadOnlyList<string>)
            [r.Layer, r.Kept.ToString("N0", C), r.Total.ToString("N0", C), r.PercentKept.ToString("0.00", C) + " %"]).ToList();
        return HtmlTable.Render("Sparsity", ["layer", "kept", "total", "kept (%)"], rows, emphasiseRow: rows.Count - 1);
    }

    /// <summary>Per level: weights remaining, accuracy of the ticket and of both controls, early-stop iterations.</summary>
    public static string ToHtml(TicketExperimentResult r)
    {
        Check.NotNull(r);
        string Acc(TicketCurvePoint? p) => p is null ? "—" : r.Seeds.Count > 1
            ? $"{p.MeanAccuracy.ToString("0.00", C)} ± {p.StdAccuracy.ToString("0.00", C)}" : p.MeanAccuracy.ToString("0.00", C);
        string Its(TicketCurvePoint? p) => p is null ? "—" : p.MeanEarlyStopIteration.ToString("0", C);
        var rows = r.Ticket.Points.Select(t => (IReadOnlyList<string>)
        [
            t.Level.ToString(C), t.PercentRemaining.ToString("0.0", C) + " %",
            Acc(t), Acc(r.RandomReinit.AtLevel(t.Level)), Acc(r.RandomMask.AtLevel(t.Level)),
            Its(t), Its(r.RandomReinit.AtLevel(t.Level)), Its(r.RandomMask.AtLevel(t.Level)),
        ]);
        string caption = $"Test accuracy (%) at the early-stop iteration — {r.Seeds.Count} seed(s), {r.Seconds.ToString("0", C)} s";
        return HtmlTable.Render(caption,
            ["level", "weights left", "ticket", "random re-init", "random mask", "stop it. (ticket)", "stop it. (re-init)", "stop it. (mask)"], rows);
    }

    /// <summary>A phase diagram at a glance: the set-up, and per δ the empirical ½-success ρ (with twice its
    /// bootstrap standard error) against theory.</summary>
    public static string ToHtml(PhaseDiagramResult r)
    {
        Check.NotNull(r);
        var o = r.Options;
        string caption = $"{(o.Method == PhaseDiagramMethod.L1 ? "ℓ1" : "OMP")} phase diagram: n = {o.N}, {o.Signal} signals, " +
                         $"{r.Deltas.Count} × {r.Rhos.Count} cells × {r.Trials} trials, seed {o.Seed}, {r.ElapsedSeconds.ToString("0.0", C)} s";
        var rows = PhaseFigures.TransitionEstimates(r).Select(t => (IReadOnlyList<string>)
        [
            t.Delta.ToString("0.00", C),
            double.IsFinite(t.EmpiricalRho.Mean) ? t.EmpiricalRho.Mean.ToString("0.000", C) : "—",
            double.IsFinite(t.EmpiricalRho.StandardError) ? (2 * t.EmpiricalRho.StandardError).ToString("0.000", C) : "—",
            t.TheoreticalRho.ToString("0.000", C),
            double.IsFinite(t.EmpiricalRho.Mean) ? (t.EmpiricalRho.Mean - t.TheoreticalRho).ToString("+0.000;-0.000", C) : "—",
        ]);
        return HtmlTable.Render(caption, ["δ = m/n", "empirical ρ at 50 %", "± 2 SE (bootstrap)", "theory ρ(δ)", "difference"], rows);
    }

    /// <summary>Section 6's dictionaries at a glance: per source of atoms, the live atoms, μ (mean and largest over the trials) and
    /// the share of atoms with a near-twin.</summary>
    public static string ToHtml(NetworkDictionaryResult r)
    {
        Check.NotNull(r);
        var o = r.Options;
        string caption = $"Dictionaries from LeNet's {o.Layer.ToString().ToLowerInvariant()} over {o.Inputs} digits: mean of {o.Trials} trials " +
            $"({r.NetworkAccuracy.Length} networks, test accuracy {string.Join(", ", r.NetworkAccuracy.Select(a => a.ToString("0.0", C)))} %)";
        var rows = r.Summary().Select(s => (IReadOnlyList<string>)
        [
            OmpFigures.SourceLabel(s.Source), s.Atoms.ToString("0.0", C), s.MeanCoherence.ToString("0.000", C),
            s.MaxCoherence.ToString("0.000", C), (100 * s.TwinShare).ToString("0.0", C) + " %",
        ]);
        return HtmlTable.Render(caption, ["atoms from", "live atoms", "μ (mean)", "μ (largest)",
            $"atoms with a near-twin (|cos| ≥ {NetworkDictionarySweep.TwinCosine.ToString("0.0", C)})"], rows);
    }

    /// <summary>The runs in a store: key, kind, seed, status, levels stored, when.</summary>
    public static string ToHtml(RunStore store)
    {
        Check.NotNull(store);
        var rows = store.Runs().Select(r => (IReadOnlyList<string>)
        [
            r.Key, r.Kind, r.Seed?.ToString(C) ?? "—", r.Status, store.StoredLevels(r.Key).Count.ToString(C),
            r.Created.ToString("yyyy-MM-dd HH:mm", C), r.LibraryVersion.Split('+')[0],
        ]).ToList();
        return HtmlTable.Render($"Run store {store.DatabasePath}: {rows.Count} run(s)",
            ["key", "kind", "seed", "status", "levels stored", "created", "library"], rows);
    }
}
