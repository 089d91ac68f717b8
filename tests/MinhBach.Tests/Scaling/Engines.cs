using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Scaling;

/// <summary>The Debian programs of scale-out mode, installed by `./minhbach test`.</summary>
public static class Engines
{
    public const string Redis = "/usr/bin/redis-server";
    public const string Nginx = "/usr/sbin/nginx";
    public const string Wrk = "/usr/bin/wrk";

    public static string? SkipReason(params string[] programs) =>
        Databases.SkipReason(Databases.Postgres)
        ?? programs.Where(p => !File.Exists(p)).Select(p => $"{p} is not installed (./minhbach test installs it).").FirstOrDefault();

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>A private folder the engines' unprivileged workers (nginx runs them as nobody) can read.</summary>
    public static string TempFolder(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "minhbach-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return dir;
    }

    internal static async Task WaitForPortAsync(int port, Process process, Func<string> log, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"exited with {process.ExitCode} before listening on {port}:\n{log()}");
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}

/// <summary>A child process whose output is kept for the failure message; killed (whole tree) on dispose.</summary>
public class ChildProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();

    protected ChildProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Process = Process.Start(start)!;
        Process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>SIGKILL: the process has no chance to finish anything, as in a crash or a pulled cable.</summary>
    public void Kill()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
    }

    public virtual async ValueTask DisposeAsync()
    {
        Kill();
        await Process.WaitForExitAsync();
        Process.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>redis-server on a loopback port, in memory only.</summary>
public sealed class RedisServer : ChildProcess
{
    private RedisServer(int port) : base(new ProcessStartInfo(Engines.Redis,
        ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"])) => Port = port;

    public int Port { get; }
    /// <summary>The app's Redis:Configuration.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var redis = new RedisServer(Engines.FreePort());
        try
        {
            await Engines.WaitForPortAsync(redis.Port, redis.Process, () => redis.Log, TimeSpan.FromSeconds(20));
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        return redis;
    }
}

/// <summary>One app node: the built app's own executable running `serve` (as systemd runs it), with its own HOME, as
/// on a machine of its own (so nothing is shared through the user's folder, e.g. data protection keys).</summary>
public sealed class AppNode : ChildProcess
{
    private AppNode(string name, int port, string home, IEnumerable<string> args) : base(Start(port, home, args))
    {
        Name = name;
        Port = port;
        Home = home;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress { get; }
    private string Home { get; }

    private static ProcessStartInfo Start(int port, string home, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "minhbach")) { WorkingDirectory = AppContext.BaseDirectory };
        foreach (var a in new[] { "serve", "--migrate", "--urls", $"http://127.0.0.1:{port}" }.Concat(args)) start.ArgumentList.Add(a);
        start.Environment["HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    /// <summary>Starts the node; <see cref="WaitHealthyAsync"/> waits for it to answer.</summary>
    public static AppNode Start(string name, IEnumerable<string> args) => new(name, Engines.FreePort(), Engines.TempFolder("home-" + name), args);

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Process.HasExited) Assert.Fail($"Node {Name} exited with {Process.ExitCode}:\n{Log}");
            try
            {
                using var r = await http.GetAsync(new Uri(BaseAddress, "/healthz"));
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) Assert.Fail($"Node {Name} not healthy after {timeout.TotalSeconds:0} s:\n{Log}");
            await Task.Delay(200);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// nginx in front of the nodes, configured from the repository's deploy/nginx files: the upstream block of
/// minhbach.conf with its server lines replaced by the nodes, and minhbach-proxy.conf included as it is. The access
/// log records which node answered each request.
/// </summary>
public sealed class Nginx : ChildProcess
{
    private Nginx(string folder, int port) : base(new ProcessStartInfo(Engines.Nginx, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log")]))
    {
        Folder = folder;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Folder { get; }
    public int Port { get; }
    public Uri BaseAddress { get; }
    public string AccessLog => Path.Combine(Folder, "access.log");

    public static string DeployFile(string name) => Path.Combine(Repository.Root, "deploy", "nginx", name);

    /// <summary>The documented upstream block with one server line per node, each keeping the documented parameters.</summary>
    public static string Upstream(IEnumerable<AppNode> nodes)
    {
        var conf = File.ReadAllText(DeployFile("minhbach.conf"));
        var block = Regex.Match(conf, @"upstream minhbach \{.*?\n\}", RegexOptions.Singleline).Value;
        Assert.False(string.IsNullOrEmpty(block), "deploy/nginx/minhbach.conf has no upstream minhbach block.");
        var first = Regex.Match(block, @"^\s*server\s+\S+(?<params>[^;]*);", RegexOptions.Multiline);
        Assert.True(first.Success, "The upstream block has no server line.");
        var servers = string.Concat(nodes.Select(n => $"    server 127.0.0.1:{n.Port}{first.Groups["params"].Value};\n"));
        // Drop every server line (active or commented), then put the nodes' lines where the first one was.
        var withoutServers = Regex.Replace(block, @"^\s*#?\s*server\s+[^\n]*\n", "", RegexOptions.Multiline);
        return withoutServers.Replace("upstream minhbach {\n", "upstream minhbach {\n" + servers);
    }

    public static async Task<Nginx> StartAsync(IEnumerable<AppNode> nodes)
    {
        var folder = Engines.TempFolder("nginx");
        var port = Engines.FreePort();
        var config = $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                log_format node '$status $upstream_addr $upstream_status';
                access_log {{folder}}/access.log node;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{Upstream(nodes)}}
                server {
                    listen 127.0.0.1:{{port}};
                    server_name _;
                    include {{DeployFile("minhbach-proxy.conf")}};
                }
            }
            """;
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), config);
        var nginx = new Nginx(folder, port);
        try
        {
            await Engines.WaitForPortAsync(port, nginx.Process, () => nginx.Log + ReadOrEmpty(Path.Combine(folder, "error.log")), TimeSpan.FromSeconds(20));
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
        return nginx;
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>What one wrk run measured.</summary>
public sealed record WrkResult(long Requests, long Non2xx3xx, long SocketErrors, double RequestsPerSecond, string Output)
{
    public long Errors => Non2xx3xx + SocketErrors;
    public double ErrorRate => Requests == 0 ? 1 : (double)Errors / Requests;

    public static async Task<WrkResult> RunAsync(Uri url, int threads, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo(Engines.Wrk,
            ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
             "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", url.ToString()])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var text = await output + await errors;
        Assert.True(p.ExitCode == 0, $"wrk exited with {p.ExitCode}:\n{text}");
        return Parse(text);
    }

    public static WrkResult Parse(string text)
    {
        static long Number(string text, string pattern) =>
            Regex.Match(text, pattern) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = Regex.Match(text, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        var socketErrors = socket.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
        var rps = Regex.Match(text, @"Requests/sec:\s+([0-9.]+)");
        return new WrkResult(
            Number(text, @"(\d+) requests in"),
            Number(text, @"Non-2xx or 3xx responses: (\d+)"),
            socketErrors,
            rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            text);
    }
}
