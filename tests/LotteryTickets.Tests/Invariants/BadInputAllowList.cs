namespace LotteryTickets.Tests.Invariants;

/// <summary>The catalogue's reviewed exceptions (see <see cref="BadInputCatalogueTests"/>).</summary>
internal static class BadInputAllowList
{
    /// <summary>
    /// Members that take an argument but have no bad-input case, each with the reviewed reason why no value of it is
    /// wrong (or where it is checked instead).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Reviewed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LotteryTickets.SeededRandom..ctor(int)"] = "any int is a valid seed",
        ["LotteryTickets.SplitMix64..ctor(ulong)"] = "any ulong is a valid seed",
        ["LotteryTickets.SplitMix64.Derive(int, int, int, int)"] = "any four ints are a valid seed and coordinates",
        ["LotteryTickets.SeededRandom.NextBytes(Span<byte>)"] = "any span (empty included) is a buffer to fill",

        // Any argument has an answer.
        ["LotteryTickets.SerialNames.Of<T>(T)"] = "every value of an enum has a name (an undefined one is written as its number)",
        ["LotteryTickets.VariantNameAttribute..ctor(string)"] = "any string names a default variant (the attribute is declared in code, not given " +
            "input)",
        ["LotteryTickets.SerialNameEnumConverter.CanConvert(Type)"] = "a predicate called by System.Text.Json with the type it converts",
        ["LotteryTickets.SerialNameEnumConverter.CreateConverter(Type, JsonSerializerOptions)"] = "called by System.Text.Json for a type " +
            "CanConvert accepted; bad JSON is a JsonException (ModelHparamsJsonTests)",
        ["LotteryTickets.Models.ModelHparamsJsonConverter.CanConvert(Type)"] = "a predicate called by System.Text.Json with the type it converts",
        ["LotteryTickets.Models.ModelHparamsJsonConverter.Read(ref Utf8JsonReader, Type, JsonSerializerOptions)"] = "called by System.Text.Json; " +
            "an unknown model name or a non-object is a JsonException (ModelHparamsJsonTests)",
        ["LotteryTickets.Models.ModelHparamsJsonConverter.Write(Utf8JsonWriter, ModelHparams, JsonSerializerOptions)"] = "called by " +
            "System.Text.Json with the value it serialises (null is written by the serializer itself)",
        ["LotteryTickets.PositiveAttribute.Allows(double, bool)"] = "a predicate: every number (NaN and ±∞ included) answers true or false",
        ["LotteryTickets.NonNegativeAttribute.Allows(double, bool)"] = "a predicate: every number (NaN and ±∞ included) answers true or false",
        ["LotteryTickets.RangeAttribute.Allows(double, bool)"] = "a predicate: every number (NaN and ±∞ included) answers true or false",
        ["LotteryTickets.Experiments.Budget.Choose<T>(T, T)"] = "returns one of its two arguments, whatever they are",
        ["LotteryTickets.Experiments.RunKey.Equals(RunKey)"] = "equality: null and every key have an answer",
        ["LotteryTickets.Pruning.Mask.ContentEquals(Mask)"] = "equality: null, another model's mask or any mask answer (false when they differ)",
        ["LotteryTickets.Models.WeightSnapshot.ContentEquals(WeightSnapshot)"] = "equality: null or any snapshot answers (false when they differ)",
        ["LotteryTickets.Lottery.TicketCurve.AtLevel(int)"] = "a lookup: a level not on the curve (negative included) answers null",
        ["LotteryTickets.Design.DesignComparisonResult.At(int)"] = "a lookup: a subset size not compared answers null",
        ["LotteryTickets.Hardware.TorchNativesNotFoundException..ctor(string)"] = "an exception's message: any text",
        ["LotteryTickets.Statistics.VerdictRule.Contradicts(Verdict, Verdict)"] = "a predicate: any two verdicts answer true or false",
        ["LotteryTickets.Interactive.VerdictRecord.Find(string)"] = "a lookup: a key not in the record answers null",
        ["LotteryTickets.Interactive.VerdictRecord.TryRead(string)"] = "null or a path with no file answers null; a file that is no record " +
            "is refused by Read",
        ["LotteryTickets.Interactive.VerdictRecord.Write(string)"] = "AtomicFile.WriteAllText refuses a bad path naming it",
        ["LotteryTickets.Interactive.VerdictTable.Show(Verdict)"] = "every verdict has a name",
        ["LotteryTickets.Experiments.TicketExperiment.KeyFor(long, Budget)"] = "any seed names a run; a null budget means the current one",

        // The notebook layer (LotteryTickets.Interactive).
        ["LotteryTickets.Interactive.LiveProgress<T>.Report(T)"] = "a report: any value is handed as is to the describe and fraction functions the " +
            "constructor checked",
        ["LotteryTickets.Interactive.LiveProgress<T>.Complete(string)"] = "an optional summary: any text, null for the last report",
        ["LotteryTickets.Interactive.LabelText.Snr(double)"] = "formats any number for a label (+∞ reads \"noiseless\")",
        ["LotteryTickets.Interactive.ProgressText.Of(ExperimentProgress)"] = "a report: any values are worded (a null stage, training or timing is " +
            "left out; a default report reads \"0/0 \")",
    };

    /// <summary>
    /// Cases (key: "member [expected name]") whose exception names neither a parameter of the member nor a property it
    /// may name (<see cref="BadInputCatalogueTests.NamesACaseMayExpect"/>), each with the reason.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OtherNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LotteryTickets.Pruning.Mask.EnsureMatches(PrunableModel, string) [mask]"] =
            "its caller passes the name to report (paramName: \"mask\" here), since the mask is the receiver, not an argument",
    };
}
