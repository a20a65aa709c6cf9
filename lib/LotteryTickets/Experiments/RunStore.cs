using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Pruning;
using LotteryTickets.Storage;
using Microsoft.Data.Sqlite;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LotteryTickets.Experiments;

/// <summary>
/// Finished work, kept so that it is never computed twice: an embedded SQLite database (<c>runs</c>: one row per run
/// key; <c>levels</c>: one row per trained level of a series, with its metrics as JSON) and, beside it, one folder per
/// run (<c>&lt;key&gt;/params.txt</c>, <c>rewind.weights</c>, <c>&lt;series&gt;/level_NN.mask</c>, and for the ticket
/// <c>level_NN.weights</c>). Files are written atomically before the row that names them, so a row implies complete
/// files. WAL journal and a busy timeout let readers (a notebook) and one writer (the reproduce command) in other
/// processes share it. An instance is not thread-safe; open one per thread or process.
/// </summary>
public sealed class RunStore
{
    /// <summary>Where the store lives unless told otherwise (relative to the current directory).</summary>
    public const string DefaultPath = "out/runs/runs.db";

    private const int SchemaVersion = 1;
    private readonly string _connectionString;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> (default <see cref="DefaultPath"/>).</summary>
    public RunStore(string? path = null)
    {
        if (path is not null) Check.NotBlank(path);
        DatabasePath = Path.GetFullPath(path ?? DefaultPath);
        if (Directory.Exists(DatabasePath))
            throw new ArgumentException($"the run store {DatabasePath} is a folder; give the path of the database file in it (e.g. " +
                $"{Path.Combine(DatabasePath, Path.GetFileName(DefaultPath))}).", nameof(path));
        Folder = Path.GetDirectoryName(DatabasePath)!;
        Directory.CreateDirectory(Folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
        try { Initialise(); }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            throw new InvalidDataException(
                $"the run store {DatabasePath} is not a readable SQLite database (corrupt or truncated: {e.Message}); move it " +
                "aside or point the experiments at another store (ExperimentContext.Store).", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 14) // SQLITE_CANTOPEN
        {
            throw new IOException($"the run store {DatabasePath} cannot be opened ({e.Message}): check that the path names a file " +
                "this process may create and write, or point the experiments at another store (ExperimentContext.Store).", e);
        }
    }

    // Creates the tables of a new store; refuses one written by a newer schema.
    private void Initialise()
    {
        using var c = Open();
        Execute(c, "PRAGMA journal_mode=WAL;");
        using var tx = c.BeginTransaction();
        Execute(c, """
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS runs (
                key TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                params TEXT NOT NULL,
                library_version TEXT NOT NULL,
                seed INTEGER,
                created TEXT NOT NULL,
                completed TEXT,
                status TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS levels (
                key TEXT NOT NULL REFERENCES runs(key),
                series TEXT NOT NULL,
                level INTEGER NOT NULL,
                percent_remaining REAL NOT NULL,
                early_stop_iteration INTEGER NOT NULL,
                early_stop_test_accuracy REAL,
                final_test_accuracy REAL,
                wall_seconds REAL NOT NULL,
                mask_file TEXT NOT NULL,
                weights_file TEXT,
                metrics TEXT NOT NULL,
                saved TEXT NOT NULL,
                PRIMARY KEY (key, series, level));
            CREATE TABLE IF NOT EXISTS results (
                key TEXT PRIMARY KEY REFERENCES runs(key),
                type TEXT NOT NULL,
                value TEXT NOT NULL,
                wall_seconds REAL NOT NULL,
                saved TEXT NOT NULL);
            INSERT OR IGNORE INTO meta (name, value) VALUES ('schema_version', $v);
            """, ("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        using (var version = Command(c, "SELECT value FROM meta WHERE name = 'schema_version';"))
        {
            var text = version.ExecuteScalar() as string;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int stored) || stored > SchemaVersion)
                throw new InvalidDataException(
                    $"the run store {DatabasePath} has schema version {text ?? "(none)"}, written by a newer LotteryTickets than " +
                    $"this one ({LibraryInfo.Version}, which reads schema versions up to {SchemaVersion}): update the library, " +
                    "or point the experiments at another store (ExperimentContext.Store).");
        }
        tx.Commit();
    }

    /// <summary>The newest store layout this version reads and writes; older stores open, newer ones are refused.</summary>
    public static int SchemaVersionSupported => SchemaVersion;

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The folder holding the database and the run folders.</summary>
    public string Folder { get; }

    /// <summary>Raised after a level's row is committed: run key, series, level.</summary>
    public event Action<string, TicketSeries, int>? LevelSaved;

    /// <summary>Raised when a stored level fails its checksum and is forgotten: run key, series, level, the damaged file.</summary>
    public event Action<string, TicketSeries, int, string>? LevelDamaged;

    /// <summary>The folder of a run's files.</summary>
    public string RunFolder(string key) => Path.Combine(Folder, CheckKey(key));

    /// <summary>
    /// Records that <paramref name="key"/>'s run is opened and writes <c>params.txt</c>. A new run's row is created
    /// <c>"running"</c>; an existing run keeps its status, so a complete run opened only to load its levels stays
    /// complete (it goes back to running when one of its levels is computed: <see cref="RunLevels"/>). With
    /// <paramref name="recompute"/>, the run's stored levels are forgotten first and it is running.
    /// </summary>
    public void BeginRun(RunKey key, long? seed = null, bool recompute = false)
    {
        Check.NotNull(key);
        AtomicFile.WriteAllText(Path.Combine(EnsureRunFolder(key), "params.txt"), key.CanonicalText + "\n");
        using var c = Open();
        using var tx = c.BeginTransaction();
        Execute(c, """
            INSERT INTO runs (key, kind, params, library_version, seed, created, completed, status)
            VALUES ($k, $kind, $params, $version, $seed, $now, NULL, 'running')
            ON CONFLICT(key) DO NOTHING;
            """, ("$k", key.Hash), ("$kind", key.Kind), ("$params", key.ToJson()), ("$version", LibraryInfo.Version),
            ("$seed", seed), ("$now", Now()));
        if (recompute)
        {
            Execute(c, "DELETE FROM levels WHERE key = $k;", ("$k", key.Hash));
            MarkRunning(c, key);
        }
        tx.Commit();
    }

    // A run whose levels are being computed (or whose computation was interrupted) reads "running" until CompleteRun.
    private static void MarkRunning(SqliteConnection c, RunKey key) =>
        Execute(c, "UPDATE runs SET status = 'running', completed = NULL WHERE key = $k;", ("$k", key.Hash));

    /// <summary>
    /// Starts <paramref name="key"/>'s run (<see cref="BeginRun"/>) and returns its levels as the
    /// <see cref="ILevelStore"/> the IMP loop and the controls load from and save to.
    /// </summary>
    /// <remarks>
    /// The returned levels hold the run's lock (<see cref="LockRun"/>) until disposed: a second process or thread that
    /// opens the same run waits, then finds the levels the first one stored instead of training them again.
    /// </remarks>
    public RunLevels OpenRun(RunKey key, long? seed = null, bool recompute = false, CancellationToken cancellationToken = default)
    {
        var runLock = LockRun(key, cancellationToken);
        try
        {
            BeginRun(key, seed, recompute);
            return new RunLevels(this, key, runLock);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes <paramref name="key"/>'s run lock: an exclusive lock on the file <c>.lock</c> in the run's folder, held by
    /// the operating system for this process, so that a killed process releases it. Waits (polling every 50 ms)
    /// while another process or thread holds it. Dispose the result to release it.
    /// </summary>
    public IDisposable LockRun(RunKey key, CancellationToken cancellationToken = default)
    {
        Check.NotNull(key);
        string path = Path.Combine(EnsureRunFolder(key), ".lock");
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1); }
            catch (IOException) when (File.Exists(path)) { }
            catch (UnauthorizedAccessException) when (File.Exists(path)) { }
            Task.Delay(50, cancellationToken).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// One run's levels in the store (an <see cref="ILevelStore"/>), holding the run's lock until disposed. The first
    /// level asked for and not stored (the runner computes it next) or saved marks the run running, until
    /// <see cref="CompleteRun"/>; a run whose levels are all loaded keeps its status.
    /// </summary>
    public sealed class RunLevels : ILevelStore, IDisposable
    {
        private readonly RunStore store;
        private readonly RunKey key;
        private IDisposable? runLock;
        private bool computing;

        internal RunLevels(RunStore store, RunKey key, IDisposable runLock) => (this.store, this.key, this.runLock) = (store, key, runLock);

        /// <summary>Releases the run's lock.</summary>
        public void Dispose()
        {
            runLock?.Dispose();
            runLock = null;
        }

        public LevelResult? LoadLevel(TicketSeries series, int level)
        {
            var stored = store.LoadLevel(key.Hash, series, level);
            if (stored is null) Computing();
            return stored;
        }

        public WeightSnapshot? LoadTrainedWeights(TicketSeries series, int level) => store.LoadTrainedWeights(key.Hash, series, level);
        public WeightSnapshot? LoadRewindWeights() => store.LoadRewindWeights(key.Hash);

        public void SaveLevel(TicketSeries series, LevelResult result, WeightSnapshot? trainedWeights = null)
        {
            Computing();
            store.SaveLevel(key, series, result, trainedWeights);
        }

        public void SaveRewindWeights(WeightSnapshot weights)
        {
            Computing();
            store.SaveRewindWeights(key, weights);
        }

        private void Computing()
        {
            if (computing) return;
            using (var c = store.Open()) MarkRunning(c, key);
            computing = true;
        }
    }

    /// <summary>Marks the run complete (a run already complete keeps the time it completed: nothing was computed since).</summary>
    public void CompleteRun(RunKey key)
    {
        Check.NotNull(key);
        using var c = Open();
        Execute(c, "UPDATE runs SET status = 'complete', completed = $now WHERE key = $k AND status <> 'complete';", ("$k", key.Hash),
            ("$now", Now()));
    }

    /// <summary>
    /// The result stored under <paramref name="key"/> if there is one (and <paramref name="recompute"/> is false);
    /// otherwise computes it, stores it (as JSON, in one transaction with its run row) and returns it. For experiments
    /// whose result is one plain record (sweeps, phase diagrams): the value must round-trip through System.Text.Json.
    /// </summary>
    public T GetOrCompute<T>(RunKey key, Func<T> compute, bool recompute = false)
    {
        Check.NotNull(key);
        Check.NotNull(compute);
        if (!recompute && LoadResult<T>(key) is { } stored) return stored;
        using var runLock = LockRun(key);
        // Another process may have computed it while this one waited for the lock (recompute: compute regardless).
        if (!recompute && LoadResult<T>(key) is { } storedMeanwhile) return storedMeanwhile;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        T value = compute();
        SaveResult(key, value, clock.Elapsed.TotalSeconds);
        return value;
    }

    /// <summary>The result stored under <paramref name="key"/>, or default when there is none.</summary>
    public T? LoadResult<T>(RunKey key)
    {
        Check.NotNull(key);
        using var c = Open();
        using var cmd = Command(c, "SELECT value FROM results WHERE key = $k;", ("$k", key.Hash));
        if (cmd.ExecuteScalar() is not string json) return default;
        string what = $"the stored result of run {key.Hash} ({key.Kind}) in the run store {DatabasePath}";
        T? value;
        try { value = JsonSerializer.Deserialize<T>(json, ResultJson); }
        catch (JsonException e) { throw new InvalidDataException($"{what} is not a readable {typeof(T).Name} ({e.Message}); {Remedy}", e); }
        try { if (value is not null) Validation.CheckComplete(value, what); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{e.Message} {Remedy}", e); }
        return value;
    }

    private const string Remedy = "Compute it again (ExperimentContext.Recompute) or point the experiments at another store.";

    /// <summary>Stores <paramref name="value"/> as the complete result of <paramref name="key"/>'s run (replacing any).</summary>
    public void SaveResult<T>(RunKey key, T value, double wallSeconds)
    {
        Check.NotNull(key);
        string json = JsonSerializer.Serialize(value, ResultJson);
        AtomicFile.WriteAllText(Path.Combine(EnsureRunFolder(key), "params.txt"), key.CanonicalText + "\n");
        using var c = Open();
        using var tx = c.BeginTransaction();
        Execute(c, """
            INSERT INTO runs (key, kind, params, library_version, seed, created, completed, status)
            VALUES ($k, $kind, $params, $version, NULL, $now, $now, 'complete')
            ON CONFLICT(key) DO UPDATE SET status = 'complete', completed = $now, library_version = $version;
            INSERT INTO results (key, type, value, wall_seconds, saved) VALUES ($k, $type, $value, $seconds, $now)
            ON CONFLICT(key) DO UPDATE SET type = $type, value = $value, wall_seconds = $seconds, saved = $now;
            """, ("$k", key.Hash), ("$kind", key.Kind), ("$params", key.ToJson()), ("$version", LibraryInfo.Version),
            ("$now", Now()), ("$type", typeof(T).FullName), ("$value", json), ("$seconds", wallSeconds));
        tx.Commit();
    }

    private static readonly JsonSerializerOptions ResultJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private string EnsureRunFolder(RunKey key)
    {
        var folder = RunFolder(key.Hash);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<StoredRun> Runs() => QueryRuns(null);

    /// <summary>One run's row, or null.</summary>
    public StoredRun? FindRun(string key) => QueryRuns(CheckKey(key)).FirstOrDefault();

    /// <summary>The (series, level) pairs stored for a run, ordered.</summary>
    public IReadOnlyList<(TicketSeries Series, int Level)> StoredLevels(string key)
    {
        using var c = Open();
        using var cmd = Command(c, "SELECT series, level FROM levels WHERE key = $k ORDER BY series, level;", ("$k", CheckKey(key)));
        return Rows(cmd, r => (SerialNames.Parse<TicketSeries>(r.GetString(0)), r.GetInt32(1)));
    }

    /// <summary>True when the level's row (and so its files) exists.</summary>
    public bool HasLevel(string key, TicketSeries series, int level) => Row(key, series, level) is not null;

    /// <summary>The stored metrics of a level as JSON (everything in its <see cref="LevelResult"/> but the mask), or null.</summary>
    public string? MetricsJson(string key, TicketSeries series, int level) => Row(key, series, level)?.Metrics;

    /// <summary>
    /// Stores one trained level: the mask (and <paramref name="trainedWeights"/>, when given) as files, then the row, in
    /// one transaction. Replaces an earlier row of the same level.
    /// </summary>
    public void SaveLevel(RunKey key, TicketSeries series, LevelResult result, WeightSnapshot? trainedWeights = null)
    {
        Check.NotNull(key);
        string name = SeriesName(series);
        Check.NotNull(result);
        string maskFile = LevelFile(name, result.Level, "mask");
        string? weightsFile = trainedWeights is null ? null : LevelFile(name, result.Level, "weights");
        var folder = RunFolder(key.Hash);
        result.Mask.Save(Path.Combine(folder, maskFile));
        trainedWeights?.Save(Path.Combine(folder, weightsFile!));
        var metrics = LevelMetrics.From(result);
        using (var c = Open())
        using (var tx = c.BeginTransaction())
        {
            Execute(c, """
                INSERT OR REPLACE INTO levels (key, series, level, percent_remaining, early_stop_iteration,
                    early_stop_test_accuracy, final_test_accuracy, wall_seconds, mask_file, weights_file, metrics, saved)
                VALUES ($k, $series, $level, $pct, $esi, $esa, $final, $wall, $mask, $weights, $metrics, $now);
                """, ("$k", key.Hash), ("$series", name), ("$level", result.Level), ("$pct", result.PercentRemaining),
                ("$esi", result.Training.EarlyStopIteration), ("$esa", Real(result.Training.EarlyStopTestAccuracy)),
                ("$final", Real(result.Training.FinalTestAccuracy)), ("$wall", result.Training.WallSeconds),
                ("$mask", maskFile), ("$weights", weightsFile), ("$metrics", metrics.ToJson()), ("$now", Now()));
            tx.Commit();
        }
        LevelSaved?.Invoke(key.Hash, series, result.Level);
    }

    /// <summary>
    /// A stored level (mask loaded from its file), or null when it is not stored. A level whose
    /// mask or weights file (or, at level 0, the run's rewind point) was damaged or truncated after it was stored
    /// fails its checksum: the level is forgotten (<see cref="LevelDamaged"/> says which) and null returned, so the
    /// runner trains it again.
    /// </summary>
    public LevelResult? LoadLevel(string key, TicketSeries series, int level)
    {
        var row = Row(key, series, level);
        if (row is null) return null;
        string folder = RunFolder(key), rewind = Path.Combine(folder, "rewind.weights");
        Mask? mask = null;
        // Loading verifies the mask's checksum; a missing, damaged or truncated mask file reads as damaged.
        try { mask = Mask.Load(Path.Combine(folder, row.MaskFile)); }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException) { }
        string? damaged = mask is null ? row.MaskFile
            : row.WeightsFile is not null && !TensorFile.IsIntact(Path.Combine(folder, row.WeightsFile), WeightSnapshot.FileKind) ? row.WeightsFile
            : level == 0 && File.Exists(rewind) && !TensorFile.IsIntact(rewind, WeightSnapshot.FileKind) ? "rewind.weights"
            : null;
        if (damaged is not null)
        {
            using (var c = Open())
                Execute(c, "DELETE FROM levels WHERE key = $k AND series = $s AND level = $l;", ("$k", key), ("$s", SerialNames.Of(series)),
                    ("$l", level));
            if (damaged == "rewind.weights") File.Delete(rewind);
            LevelDamaged?.Invoke(key, series, level, damaged);
            return null;
        }
        return LevelMetrics.FromJson(row.Metrics).ToResult(mask!);
    }

    /// <summary>The trained weights stored with a level, or null when none were stored.</summary>
    public WeightSnapshot? LoadTrainedWeights(string key, TicketSeries series, int level)
    {
        var row = Row(key, series, level);
        return row?.WeightsFile is null ? null : WeightSnapshot.Load(Path.Combine(RunFolder(key), row.WeightsFile));
    }

    /// <summary>Stores a run's rewind point (atomically; before the level-0 row that relies on it).</summary>
    public void SaveRewindWeights(RunKey key, WeightSnapshot weights)
    {
        Check.NotNull(key);
        Check.NotNull(weights);
        weights.Save(Path.Combine(RunFolder(key.Hash), "rewind.weights"));
    }

    /// <summary>A run's rewind point, or null when none is stored.</summary>
    public WeightSnapshot? LoadRewindWeights(string key)
    {
        var path = Path.Combine(RunFolder(key), "rewind.weights");
        return File.Exists(path) ? WeightSnapshot.Load(path) : null;
    }

    private sealed record LevelRow(string MaskFile, string? WeightsFile, string Metrics);

    private LevelRow? Row(string key, TicketSeries series, int level)
    {
        CheckKey(key);
        string name = SeriesName(series);
        Check.NonNegative(level);
        using var c = Open();
        using var cmd = Command(c, "SELECT mask_file, weights_file, metrics FROM levels WHERE key = $k AND series = $s AND level = $l;",
            ("$k", key), ("$s", name), ("$l", level));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new LevelRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2)) : null;
    }

    private List<StoredRun> QueryRuns(string? key)
    {
        using var c = Open();
        using var cmd = Command(c, "SELECT key, kind, params, library_version, seed, created, completed, status FROM runs" +
            (key is null ? "" : " WHERE key = $k") + " ORDER BY created, key;", ("$k", key));
        return Rows(cmd, r => new StoredRun(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt64(4),
            DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture),
            r.IsDBNull(6) ? null : DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture), r.GetString(7)));
    }

    private static List<T> Rows<T>(SqliteCommand cmd, Func<SqliteDataReader, T> read)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Execute(c, "PRAGMA busy_timeout = 60000;");
        return c;
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static void Execute(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, sql, args);
        cmd.ExecuteNonQuery();
    }

    private static string LevelFile(string series, int level, string extension) =>
        Path.Combine(series, string.Create(CultureInfo.InvariantCulture, $"level_{level:00}.{extension}"));

    private static object? Real(double v) => double.IsNaN(v) ? null : v;

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static string CheckKey(string key)
    {
        Check.NotBlank(key);
        Check.That(key.All(char.IsAsciiLetterOrDigit), $"key must be a run key's hash (letters and digits); got \"{key}\".", nameof(key));
        return key;
    }

    // The series' stored name: its rows' text and its folder's name.
    private static string SeriesName(TicketSeries series) => SerialNames.Of(Check.Defined(series));
}
