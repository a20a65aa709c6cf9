using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LotteryTickets.Models;

/// <summary>
/// A small Transformer encoder for MNIST: each image is a sequence of its 28 rows (tokens of 28 pixels), embedded to
/// width E with a learned position embedding, then pre-norm blocks of multi-head self-attention (separate Q, K, V
/// projections of H heads × d, an output projection) and a ReLU MLP, each with a residual; the mean over tokens goes
/// to the classifier. Each block may have its own head count and MLP width (a compacted model). Heads and MLP neurons
/// are its unit groups; a head is ranked by its slice of the output projection (the ℓ1 or ℓ2 norm of the columns that
/// read it), a neuron by its input row.
/// </summary>
public sealed class TinyTransformer : PrunableModel
{
    private readonly Linear embed;
    private readonly Parameter position;
    private readonly ModuleList<Block> blocks;
    private readonly LayerNorm norm;
    private readonly Linear classifier;
    private readonly int _tokens, _tokenWidth, _width, _headWidth, _classes;
    private readonly int[] _heads;

    /// <summary>Builds the layers with PyTorch's default initialisation (seed the global generator first).</summary>
    /// <param name="heads">Heads of each block (its length is the number of blocks).</param>
    /// <param name="mlpWidths">MLP width of each block (same length as <paramref name="heads"/>).</param>
    /// <param name="width">Embedding width E.</param>
    /// <param name="headWidth">Width d of one head.</param>
    /// <param name="tokens">Sequence length (28 rows).</param>
    /// <param name="tokenWidth">Inputs per token (28 pixels).</param>
    /// <param name="classes">Number of classes.</param>
    public TinyTransformer(IReadOnlyList<int> heads, IReadOnlyList<int> mlpWidths, int width = 64, int headWidth = 16,
        int tokens = 28, int tokenWidth = 28, int classes = 10) : base("tiny_transformer")
    {
        Check.NotNull(heads);
        Check.NotNull(mlpWidths);
        Check.That(heads.Count >= 1 && heads.Count == mlpWidths.Count, "heads and mlpWidths must give one entry per block (at least one).",
            nameof(heads));
        Check.That(heads.All(h => h >= 1), "heads must be ≥ 1 in every block.", nameof(heads));
        Check.That(mlpWidths.All(m => m >= 1), "mlpWidths must be ≥ 1 in every block.", nameof(mlpWidths));
        Check.Positive(width);
        Check.Positive(headWidth);
        Check.Positive(tokens);
        Check.Positive(tokenWidth);
        Check.InRange(classes, 2, 1_000_000);
        (_tokens, _tokenWidth, _width, _headWidth, _classes) = (tokens, tokenWidth, width, headWidth, classes);
        _heads = [.. heads];
        embed = nn.Linear(tokenWidth, width);
        position = new Parameter(torch.randn(tokens, width) * 0.02);
        blocks = nn.ModuleList(Enumerable.Range(0,
            heads.Count).Select(i => new Block($"block{i}", width, heads[i], headWidth, mlpWidths[i])).ToArray());
        norm = nn.LayerNorm(width);
        classifier = nn.Linear(width, classes);
        RegisterComponents();
        var prunable = new List<string> { "embed.weight" };
        var groups = new List<UnitGroup>();
        for (int i = 0; i < heads.Count; i++)
        {
            string b = $"blocks.{i}.";
            prunable.AddRange([b + "q.weight", b + "k.weight", b + "v.weight", b + "out.weight", b + "fc1.weight", b + "fc2.weight"]);
            groups.Add(new UnitGroup($"block{i}.heads", UnitKind.Head, heads[i],
            [
                new(b + "out.weight", 1, headWidth),
                new(b + "q.weight", 0, headWidth), new(b + "q.bias", 0, headWidth),
                new(b + "k.weight", 0, headWidth), new(b + "k.bias", 0, headWidth),
                new(b + "v.weight", 0, headWidth), new(b + "v.bias", 0, headWidth),
            ]));
            groups.Add(new UnitGroup($"block{i}.mlp", UnitKind.Neuron, mlpWidths[i],
                [new(b + "fc1.weight", 0), new(b + "fc1.bias", 0), new(b + "fc2.weight", 1)]));
        }
        prunable.Add("classifier.weight");
        PrunableParameters = prunable.AsReadOnly();
        UnitGroups = groups.AsReadOnly();
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> PrunableParameters { get; }

    /// <inheritdoc />
    public override string OutputParameter => "classifier.weight";

    /// <inheritdoc />
    public override IReadOnlyList<UnitGroup> UnitGroups { get; }

    /// <inheritdoc />
    public override long WeightUses(string parameter) => base.WeightUses(parameter) * (parameter == OutputParameter ? 1 : _tokens);

    /// <summary>The multiply-adds of attention itself (scores QKᵀ and the weighted sum of V): 2·T²·d per head and block,
    /// for the heads in <paramref name="unitCounts"/> (default: all).</summary>
    public override long ActivationMacs(IReadOnlyDictionary<string, int>? unitCounts = null)
    {
        CheckUnitCounts(unitCounts);
        long perHead = 2L * _tokens * _tokens * _headWidth, total = 0;
        for (int i = 0; i < _heads.Length; i++)
            total += perHead * (unitCounts is not null && unitCounts.TryGetValue($"block{i}.heads", out int h) ? h : _heads[i]);
        return total;
    }

    /// <inheritdoc />
    public override PrunableModel Resized(IReadOnlyDictionary<string, int> counts) =>
        new TinyTransformer(Enumerable.Range(0, _heads.Length).Select(i => CountOf(counts, $"block{i}.heads")).ToArray(),
            Enumerable.Range(0, _heads.Length).Select(i => CountOf(counts, $"block{i}.mlp")).ToArray(),
            _width, _headWidth, _tokens, _tokenWidth, _classes);

    internal override (long[] Example, bool AnyLayout)? InputShape => ([_tokens, _tokenWidth], true);

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        CheckInput(input, nameof(input));
        var x = embed.call(input.reshape(input.shape[0], _tokens, _tokenWidth)) + position;
        foreach (var block in blocks) x = block.call(x);
        return classifier.call(norm.call(x).mean(new long[] { 1 }));
    }

    private sealed class Block : nn.Module<Tensor, Tensor>
    {
        private readonly LayerNorm ln1, ln2;
        private readonly Linear q, k, v, @out, fc1, fc2;
        private readonly int _heads, _headWidth;

        public Block(string name, int width, int heads, int headWidth, int mlpWidth) : base(name)
        {
            (_heads, _headWidth) = (heads, headWidth);
            ln1 = nn.LayerNorm(width);
            q = nn.Linear(width, heads * headWidth);
            k = nn.Linear(width, heads * headWidth);
            v = nn.Linear(width, heads * headWidth);
            @out = nn.Linear(heads * headWidth, width);
            ln2 = nn.LayerNorm(width);
            fc1 = nn.Linear(width, mlpWidth);
            fc2 = nn.Linear(mlpWidth, width);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            long n = x.shape[0], t = x.shape[1];
            var h = ln1.call(x);
            Tensor Split(Tensor z) => z.reshape(n, t, _heads, _headWidth).transpose(1, 2);
            var scores = Split(q.call(h)).matmul(Split(k.call(h)).transpose(-2, -1)) / Math.Sqrt(_headWidth);
            var context = scores.softmax(-1).matmul(Split(v.call(h))).transpose(1, 2).reshape(n, t, _heads * _headWidth);
            x = x + @out.call(context);
            return x + fc2.call(nn.functional.relu(fc1.call(ln2.call(x))));
        }
    }
}
