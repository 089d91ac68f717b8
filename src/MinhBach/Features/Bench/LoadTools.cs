using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MinhBach.Features.Bench;

/// <summary>One wrk run: requests per second, latency percentiles (ms), and answers that were not 2xx/3xx or failed.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50, double P99, long Requests, long Errors);

/// <summary>wrk from Debian (`apt-get install wrk`), run against loopback; its text output parsed.</summary>
public static partial class Wrk
{
    public const string BrowserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    public static string? Path => new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);

    /// <summary>Slow answers are measured (timeout 30 s rather than wrk's 2 s), not dropped as errors.</summary>
    /// <param name="script">A Lua script for wrk (e.g. to make every request's address different), or null.</param>
    public static async Task<WrkResult> RunAsync(string url, int connections, TimeSpan duration, string? script, CancellationToken ct)
    {
        var threads = Math.Max(1, Math.Min(connections, Environment.ProcessorCount));
        var info = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Không tìm thấy wrk: cài bằng apt-get install wrk (./minhbach bench tự cài)."))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}s", "--latency", "--timeout", "30s", "-H", "User-Agent: " + BrowserAgent })
            info.ArgumentList.Add(a);
        if (script is not null) { info.ArgumentList.Add("-s"); info.ArgumentList.Add(script); }
        info.ArgumentList.Add(url);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var text = await stdout;
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk dừng với mã {process.ExitCode}: {await stderr}{text}");
        return Parse(text);
    }

    public static WrkResult Parse(string text)
    {
        double Number(Regex r) => r.Match(text) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        double Percentile(string p)
        {
            var m = Regex.Match(text, $@"^\s*{p}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
            if (!m.Success) return 0;
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => v / 1000, "ms" => v, "s" => v * 1000, _ => v * 60_000 };
        }
        var socketErrors = SocketErrors().Matches(text).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new WrkResult(Number(RequestsPerSecond()), Percentile("50"), Percentile("99"), (long)Number(Requests()),
            (long)Number(NotOk()) + socketErrors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")] private static partial Regex RequestsPerSecond();
    [GeneratedRegex(@"(\d+) requests in")] private static partial Regex Requests();
    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")] private static partial Regex NotOk();
    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")] private static partial Regex SocketErrors();

    /// <summary>
    /// A wrk script that appends a different query string to every request, so no cache keyed on the address answers it:
    /// the thread's number and the request's. (Each wrk thread has its own Lua state with the same unseeded random
    /// numbers, so a random part alone repeats across threads; with the page cache on, half the requests were hits.)
    /// </summary>
    public static string UniqueQueryScript(string folder)
    {
        var file = System.IO.Path.Combine(folder, "unique.lua");
        File.WriteAllText(file, """
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("thread_number", threads)
            end
            local n = 0
            request = function()
              n = n + 1
              local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
              return wrk.format(nil, wrk.path .. sep .. "_khongdem=" .. (thread_number or 0) .. "-" .. n)
            end
            """);
        return file;
    }

    /// <summary>A wrk script that goes round these paths, one request each in turn.</summary>
    public static string RoundScript(string folder, IReadOnlyList<string> paths)
    {
        var file = System.IO.Path.Combine(folder, "round.lua");
        File.WriteAllText(file, "local paths = {" + string.Join(", ", paths.Select(p => "\"" + p.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "}\n" +
            "local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format(nil, paths[(n % #paths) + 1])\nend\n");
        return file;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The app as a real process on loopback (`minhbach serve`), as production runs it: started with the given settings,
/// ready once /healthz answers, its resident memory read from /proc, stopped with SIGTERM.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    private AppProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }
    public int Id => _process.Id;

    public static async Task<AppProcess> StartAsync(IEnumerable<string> settings, CancellationToken ct)
    {
        var port = Wrk.FreePort();
        // A published app is its own executable; under `dotnet minhbach.dll`, and in the tests (where the test host
        // runs this code), the app is started as `dotnet minhbach.dll`.
        var self = System.Reflection.Assembly.GetEntryAssembly() == typeof(AppProcess).Assembly
            && System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) != "dotnet";
        var host = self ? Environment.ProcessPath!
            : System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (!self) info.ArgumentList.Add(typeof(AppProcess).Assembly.Location);
        foreach (var a in (string[])["serve", "--urls", $"http://127.0.0.1:{port}", .. settings]) info.ArgumentList.Add(a);
        info.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(info)!;
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"Ứng dụng dừng khi khởi động (mã {process.ExitCode}):\n{app.Log}");
            try
            {
                using var r = await http.GetAsync(new Uri(app.BaseAddress, "/healthz"), ct);
                if (r.IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            if (DateTime.UtcNow > until)
            {
                await app.DisposeAsync();
                throw new InvalidOperationException($"Ứng dụng không sẵn sàng sau 3 phút:\n{app.Log}");
            }
            await Task.Delay(200, ct);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_log) if (_log.Length < 20_000) _log.AppendLine(line);
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>
    /// Seconds the runtime has spent compiling code so far (<c>dotnet.jit.compilation.time</c> on the app's /metrics, which
    /// answers loopback), or null when the app does not publish it.
    /// </summary>
    public async Task<double?> JitSecondsAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(new Uri(BaseAddress, "/metrics"), ct);
            if (!response.IsSuccessStatusCode) return null;
            foreach (var line in (await response.Content.ReadAsStringAsync(ct)).Split('\n'))
            {
                if (!line.StartsWith("dotnet_jit_compilation_time", StringComparison.Ordinal)) continue;
                // name{labels} value [timestamp]
                var fields = line[(line.LastIndexOf('}') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var value = line.Contains('}') ? fields.FirstOrDefault() : fields.ElementAtOrDefault(1);
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return seconds;
            }
            return null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Resident memory (VmRSS) in bytes, or 0 where /proc is not there.</summary>
    public long ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return 0; }
    }

    private bool _stopped;

    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops gracefully (the visit batches are written); killed if it takes too long.
            using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
                await term!.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }
}

/// <summary>nginx from Debian serving one saved file: the machine's ceiling for the same bytes.</summary>
public sealed class NginxCeiling : IAsyncDisposable
{
    private readonly Process _process;
    private NginxCeiling(Process process, Uri url) => (_process, Url) = (process, url);

    public Uri Url { get; }

    public static string? Path => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public static async Task<NginxCeiling> StartAsync(string folder, byte[] page, CancellationToken ct)
    {
        var root = Directory.CreateDirectory(System.IO.Path.Combine(folder, "nginx"));
        foreach (var d in new[] { "html", "logs", "tmp" }) Directory.CreateDirectory(System.IO.Path.Combine(root.FullName, d));
        await File.WriteAllBytesAsync(System.IO.Path.Combine(root.FullName, "html", "article.html"), page, ct);
        var port = Wrk.FreePort();
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        await File.WriteAllTextAsync(System.IO.Path.Combine(root.FullName, "nginx.conf"), user + $$"""
            worker_processes auto;
            pid {{root.FullName}}/nginx.pid;
            error_log {{root.FullName}}/logs/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{root.FullName}}/tmp/body;
              proxy_temp_path {{root.FullName}}/tmp/proxy;
              fastcgi_temp_path {{root.FullName}}/tmp/fastcgi;
              uwsgi_temp_path {{root.FullName}}/tmp/uwsgi;
              scgi_temp_path {{root.FullName}}/tmp/scgi;
              sendfile on;
              tcp_nopush on;
              keepalive_requests 1000000;
              open_file_cache max=10;
              server {
                listen 127.0.0.1:{{port}};
                root {{root.FullName}}/html;
                default_type "text/html; charset=utf-8";
              }
            }
            """, ct);
        var info = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Không tìm thấy nginx: cài bằng apt-get install nginx (./minhbach bench tự cài)."))
        {
            UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true,
            ArgumentList = { "-p", root.FullName, "-c", System.IO.Path.Combine(root.FullName, "nginx.conf"), "-g", "daemon off;" },
        };
        var process = Process.Start(info)!;
        var ceiling = new NginxCeiling(process, new Uri($"http://127.0.0.1:{port}/article.html"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; ; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("nginx không khởi động được: " + await process.StandardError.ReadToEndAsync(ct));
            try
            {
                using var r = await http.GetAsync(ceiling.Url, ct);
                if (r.IsSuccessStatusCode) return ceiling;
            }
            catch (HttpRequestException) when (i < 100) { }
            await Task.Delay(100, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
