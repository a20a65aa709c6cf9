using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace LotteryNotebooks.Reproduce.Book;

/// <summary>
/// A headless Chromium driven over the Chrome DevTools Protocol (a WebSocket; no driver, no download): started with
/// the flags this closed network needs, a fresh profile, and <c>--remote-debugging-port=0</c>, whose chosen port the
/// browser writes to <c>DevToolsActivePort</c> in the profile. One page target, attached in flat mode.
/// </summary>
public sealed class DevTools : IAsyncDisposable
{
    readonly Process browser;
    readonly string profile;
    readonly ClientWebSocket socket = new();
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    readonly CancellationTokenSource stop = new();
    Task? reader;
    int nextId;
    string? session;

    /// <summary>Every event the page sent (method, params), in order; cleared by <see cref="NavigateAsync"/>.</summary>
    public ConcurrentQueue<(string Method, JsonObject Params)> Events { get; } = new();

    DevTools(Process browser, string profile) { this.browser = browser; this.profile = profile; }

    /// <summary>The Chromium to use: $LOTTERY_CHROMIUM, else /usr/bin/chromium or chromium/google-chrome on PATH; null if none.</summary>
    public static string? FindBrowser()
    {
        string? env = Environment.GetEnvironmentVariable("LOTTERY_CHROMIUM");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    /// <summary>Starts the browser with a page of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static async Task<DevTools> StartAsync(string executable, int width = 1280, int height = 1600)
    {
        string profile = Path.Combine(Path.GetTempPath(), "lottery-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                     "--disable-default-apps", "--mute-audio", $"--user-data-dir={profile}", "--remote-debugging-port=0",
                     "--remote-allow-origins=*", $"--window-size={width},{height}", "about:blank" })
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {executable}.");
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var tools = new DevTools(p, profile);
        try
        {
            string portFile = Path.Combine(profile, "DevToolsActivePort");
            var clock = Stopwatch.StartNew();
            string[] lines = [];
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (p.HasExited) throw new InvalidOperationException($"{executable} exited with {p.ExitCode} before it opened its DevTools port.");
                if (File.Exists(portFile) && (lines = File.ReadAllLines(portFile)).Length >= 2) break;
                await Task.Delay(100);
            }
            if (lines.Length < 2) throw new TimeoutException($"{executable} did not open its DevTools port within 60 s.");
            await tools.socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), CancellationToken.None);
            tools.reader = Task.Run(tools.ReadLoop);
            var target = await tools.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
            var attached = await tools.SendAsync("Target.attachToTarget",
                new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
            tools.session = attached["sessionId"]!.GetValue<string>();
            foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Network.enable", "Log.enable" })
                await tools.SendAsync(domain);
            await tools.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
                { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
            return tools;
        }
        catch
        {
            await tools.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one command to the page (or the browser) and returns its result; a protocol error throws.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, bool browserLevel = false,
        TimeSpan? timeout = null)
    {
        int id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browserLevel && session is not null) message["sessionId"] = session;
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = done;
        byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        if (await Task.WhenAny(done.Task, Task.Delay(limit)) != done.Task)
        {
            pending.TryRemove(id, out _);
            throw new TimeoutException($"DevTools {method} did not answer within {limit.TotalSeconds:0} s.");
        }
        var reply = await done.Task;
        if (reply["error"] is JsonObject error)
            throw new InvalidOperationException($"DevTools {method}: {error["message"]}");
        return reply["result"] as JsonObject ?? new JsonObject();
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value as JSON (awaiting promises).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var r = await SendAsync("Runtime.evaluate", new JsonObject
            { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (r["exceptionDetails"] is JsonObject ex)
            throw new InvalidOperationException($"evaluating '{expression}': {ex["exception"]?["description"] ?? ex["text"]}");
        return r["result"]?["value"]?.DeepClone();
    }

    /// <summary>Navigates and waits for the load event (every script of the page has run).</summary>
    public async Task NavigateAsync(string url, TimeSpan timeout)
    {
        Events.Clear();
        var r = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        if (r["errorText"] is JsonNode err) throw new InvalidOperationException($"navigating to {url}: {err}");
        var clock = Stopwatch.StartNew();
        while (!Events.Any(e => e.Method == "Page.loadEventFired"))
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"{url} did not finish loading within {timeout.TotalSeconds:0} s.");
            await Task.Delay(50);
        }
    }

    /// <summary>A PNG of what the viewport shows.</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var r = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String(r["data"]!.GetValue<string>());
    }

    async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !stop.IsCancellationRequested)
            {
                var r = await socket.ReceiveAsync(buffer, stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray()) as JsonObject;
                message.SetLength(0);
                if (node is null) continue;
                if (node["id"] is JsonNode id && pending.TryRemove(id.GetValue<int>(), out var waiter))
                    waiter.TrySetResult(node);
                else if (node["method"] is JsonNode method && (session is null || node["sessionId"]?.GetValue<string>() == session))
                    Events.Enqueue((method.GetValue<string>(), node["params"] as JsonObject ?? new JsonObject()));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        foreach (var w in pending.Values) w.TrySetException(new InvalidOperationException("the DevTools connection closed."));
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        try { if (socket.State == WebSocketState.Open) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "",
            CancellationToken.None); }
        catch (WebSocketException) { }
        if (reader is not null) { try { await reader; } catch (OperationCanceledException) { } }
        socket.Dispose();
        try { if (!browser.HasExited) browser.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        browser.WaitForExit(10_000);
        browser.Dispose();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
