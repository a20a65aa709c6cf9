using System.Text.Json;
using System.Text.Json.Serialization;

namespace LotteryTickets.Interactive;

/// <summary>
/// The verdicts one notebook run reached, with where and when it ran: written by <see cref="NotebookSession.Verdicts"/>
/// to <c>out/verdicts/&lt;notebook&gt;.json</c>, and at the full budget also to the committed record
/// <c>notebooks/records/&lt;notebook&gt;.full.json</c> that the quick run reads for its "full budget" column.
/// </summary>
/// <param name="Notebook">The notebook's name.</param>
/// <param name="Budget">The budget it ran at (<c>quick</c> or <c>full</c>).</param>
/// <param name="Date">When the verdicts were written.</param>
/// <param name="Machine">The machine it ran on.</param>
/// <param name="Commit">The commit of the code that ran (<c>LOTTERY_COMMIT</c>, set by the reproduce command).</param>
/// <param name="LibraryVersion">The library's version.</param>
/// <param name="Claims">The claims in the order first shown.</param>
public sealed record VerdictRecord(string Notebook, string Budget, DateTimeOffset Date, string Machine, string Commit, string LibraryVersion,
    IReadOnlyList<ClaimResult> Claims)
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The claim with key <paramref name="id"/>, or null.</summary>
    public ClaimResult? Find(string id) => Claims.FirstOrDefault(c => c.Id == id);

    /// <summary>This record with <paramref name="claims"/> added, a claim with the same key replaced in place.</summary>
    public VerdictRecord With(IEnumerable<ClaimResult> claims)
    {
        var list = Claims.ToList();
        foreach (var c in Check.NotNull(claims))
        {
            int i = list.FindIndex(x => x.Id == c.Id);
            if (i >= 0) list[i] = c; else list.Add(c);
        }
        return this with { Claims = list.AsReadOnly() };
    }

    /// <summary>The record as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>Writes the record to <paramref name="path"/> atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a record written by <see cref="Write"/>; an unreadable file is refused naming its path.</summary>
    public static VerdictRecord Read(string path)
    {
        Check.That(File.Exists(path), $"path must name a verdict record; {path} does not exist.", nameof(path));
        try
        {
            return JsonSerializer.Deserialize<VerdictRecord>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} holds no verdict record.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a verdict record: {e.Message}", e);
        }
    }

    /// <summary>Reads the record at <paramref name="path"/>, or null when there is none.</summary>
    public static VerdictRecord? TryRead(string? path) => path is not null && File.Exists(path) ? Read(path) : null;
}
