using Mono.Cecil;

namespace LotteryTickets.Tests.Architecture;

/// <summary>
/// The library's layers, read from the compiled IL (Mono.Cecil): every type a namespace's code touches — base types,
/// fields, signatures, attributes, and each instruction's operand in every method body — is collected, and a reference
/// from one of the library's namespaces to another must follow the allowed direction below. A new back-edge fails the
/// test with the offending type and member named.
/// </summary>
public class LayeringTests
{
    // Each namespace of the core library, with the library namespaces it may use (besides itself and the root,
    // "LotteryTickets", which every namespace may use and which itself uses none).
    //   Data → Models → Pruning → Training → Lottery → Experiments;  Storage under Models; Sparse, Design, Statistics beside them.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["LotteryTickets"] = [],
        ["LotteryTickets.Storage"] = [],
        ["LotteryTickets.Hardware"] = ["Storage", "Data", "Models", "Pruning"],
        ["LotteryTickets.Data"] = ["Storage"],
        ["LotteryTickets.Models"] = ["Storage", "Data"],
        ["LotteryTickets.Pruning"] = ["Storage", "Data", "Models"],
        ["LotteryTickets.Training"] = ["Storage", "Data", "Models", "Pruning"],
        ["LotteryTickets.Lottery"] = ["Storage", "Data", "Models", "Pruning", "Training"],
        ["LotteryTickets.Sparse"] = [],
        ["LotteryTickets.Statistics"] = [],
        ["LotteryTickets.Design"] = ["Sparse"],
        ["LotteryTickets.Experiments"] = ["Storage", "Data", "Models", "Pruning", "Training", "Lottery", "Sparse", "Design", "Hardware",
            "Statistics"],
    };

    // The notebook layer sits on top of the whole core; its curriculum (the chapter's presets) on top of the rest of it.
    private static readonly Dictionary<string, string[]> AllowedInteractive = new()
    {
        ["LotteryTickets.Interactive"] = [.. Allowed.Keys],
        ["LotteryTickets.Interactive.Curriculum"] = [.. Allowed.Keys, "LotteryTickets.Interactive"],
    };

    [Fact]
    public void CoreNamespacesReferenceOnlyTheLayersBelowThem()
    {
        var violations = new List<string>();
        foreach (var (from, to, where) in LibraryReferences(typeof(Check).Assembly.Location))
        {
            Assert.True(Allowed.ContainsKey(from), $"namespace {from} is not in the layer map of this test: place it ({where}).");
            bool ok = to == "LotteryTickets" || to == from || Allowed[from].Any(a => to == "LotteryTickets." + a);
            if (!ok) violations.Add($"{from} → {to}: {where}");
        }
        Assert.True(violations.Count == 0, "back-edges between the library's layers:\n" + string.Join("\n", violations.Distinct().Take(40)));
    }

    [Fact]
    public void TheRootNamespaceUsesNoOtherLibraryNamespace()
    {
        var edges = LibraryReferences(typeof(Check).Assembly.Location).Where(e => e.From == "LotteryTickets" && e.To != "LotteryTickets").ToList();
        Assert.True(edges.Count == 0, string.Join("\n", edges.Select(e => $"{e.To}: {e.Where}")));
    }

    [Fact]
    public void SparseAndDesignNeedNoTorchSharp()
    {
        var uses = References(typeof(Check).Assembly.Location)
            .Where(r => (r.FromNamespace.StartsWith("LotteryTickets.Sparse", StringComparison.Ordinal) ||
                         r.FromNamespace.StartsWith("LotteryTickets.Design", StringComparison.Ordinal)) &&
                        r.To.Namespace.StartsWith("TorchSharp", StringComparison.Ordinal))
            .Select(r => $"{r.Where} uses {r.To.FullName}").Distinct().ToList();
        Assert.True(uses.Count == 0, string.Join("\n", uses.Take(20)));
    }

    [Fact]
    public void NothingInTheCoreRefersToTheNotebookLayer()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Check).Assembly.Location);
        Assert.DoesNotContain(module.AssemblyReferences, r => r.Name.StartsWith("LotteryTickets.Interactive", StringComparison.Ordinal)
            || r.Name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal) || r.Name.StartsWith("Plotly", StringComparison.Ordinal));
    }

    [Fact]
    public void TheNotebookLayerKeepsItsCurriculumOnTop()
    {
        var violations = new List<string>();
        foreach (var (from, to, where) in LibraryReferences(typeof(LotteryTickets.Interactive.Notebook).Assembly.Location))
        {
            Assert.True(AllowedInteractive.ContainsKey(from), $"namespace {from} is not in the layer map of this test: place it ({where}).");
            if (to != from && !AllowedInteractive[from].Contains(to)) violations.Add($"{from} → {to}: {where}");
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct().Take(40)));
    }

    [Fact]
    public void TheCheckSeesAPlantedBackEdge()
    {
        // The collector must find a reference that sits only inside a method body (a call), not in any signature:
        // Lottery's loop calls Trainer (Training) from its body; if the collector missed bodies, this would be empty.
        var edges = LibraryReferences(typeof(Check).Assembly.Location)
            .Where(e => e.From == "LotteryTickets.Lottery" && e.To == "LotteryTickets.Training" && e.Where.Contains("TrainMasked")).ToList();
        Assert.NotEmpty(edges);
    }

    /// <summary>(from namespace, to namespace, where) for every reference between two LotteryTickets namespaces.</summary>
    private static IEnumerable<(string From, string To, string Where)> LibraryReferences(string assembly) =>
        References(assembly)
            .Where(r => r.To.Namespace.StartsWith("LotteryTickets", StringComparison.Ordinal) &&
                !r.To.Namespace.StartsWith("LotteryTickets.Tests", StringComparison.Ordinal))
            .Select(r => (r.FromNamespace, r.To.Namespace, r.Where));

    private static readonly Dictionary<string, List<(string, TypeReference, string)>> Cache = new();

    private static List<(string FromNamespace, TypeReference To, string Where)> References(string assembly)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(assembly, out var cached)) return cached;
            var list = new List<(string, TypeReference, string)>();
            using var module = ModuleDefinition.ReadModule(assembly);
            foreach (var type in module.GetTypes())
            {
                string ns = Namespace(type);
                if (!ns.StartsWith("LotteryTickets", StringComparison.Ordinal)) continue; // compiler-generated <Module> etc.
                void Add(TypeReference? t, string where)
                {
                    foreach (var leaf in Leaves(t)) list.Add((ns, leaf, $"{type.FullName}{where}"));
                }
                Add(type.BaseType, " (base type)");
                foreach (var i in type.Interfaces) Add(i.InterfaceType, " (interface)");
                foreach (var a in type.CustomAttributes) Add(a.AttributeType, " (attribute)");
                foreach (var f in type.Fields) Add(f.FieldType, $".{f.Name}");
                foreach (var p in type.Properties) Add(p.PropertyType, $".{p.Name}");
                foreach (var m in type.Methods)
                {
                    string where = $".{m.Name}";
                    Add(m.ReturnType, where);
                    foreach (var p in m.Parameters) Add(p.ParameterType, where);
                    foreach (var a in m.CustomAttributes) Add(a.AttributeType, where);
                    if (!m.HasBody) continue;
                    foreach (var v in m.Body.Variables) Add(v.VariableType, where);
                    foreach (var ins in m.Body.Instructions)
                    {
                        switch (ins.Operand)
                        {
                            case TypeReference t: Add(t, where); break;
                            case MethodReference mr:
                                Add(mr.DeclaringType, where);
                                Add(mr.ReturnType, where);
                                foreach (var p in mr.Parameters) Add(p.ParameterType, where);
                                if (mr is GenericInstanceMethod g) foreach (var ga in g.GenericArguments) Add(ga, where);
                                break;
                            case FieldReference fr: Add(fr.DeclaringType, where); Add(fr.FieldType, where); break;
                        }
                    }
                }
            }
            Cache[assembly] = list;
            return list;
        }
    }

    // A nested type's namespace is its outermost declaring type's.
    private static string Namespace(TypeReference t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t.Namespace;
    }

    // The named types inside a reference: element types of arrays/refs/pointers, generic arguments, declaring types.
    private static IEnumerable<TypeReference> Leaves(TypeReference? t)
    {
        if (t is null || t is GenericParameter) yield break;
        switch (t)
        {
            case TypeSpecification spec when t is not GenericInstanceType:
                foreach (var l in Leaves(spec.ElementType)) yield return l;
                yield break;
            case GenericInstanceType g:
                foreach (var l in Leaves(g.ElementType)) yield return l;
                foreach (var a in g.GenericArguments)
                    foreach (var l in Leaves(a)) yield return l;
                yield break;
        }
        var outer = t;
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        yield return outer;
    }
}
