using System.Globalization;

namespace MinhBach.Features.Bench;

/// <summary>
/// Time spent on a CPU, in nanoseconds, by this process (all its threads) and, when the PostgreSQL server runs on this
/// machine, by the server's processes: from Linux's /proc/…/schedstat. On a machine shared with other work a query's
/// wall time mostly measures the wait for a CPU; this is what it would take on an idle core.
/// </summary>
internal sealed class CpuClock
{
    private readonly int? _postmaster;

    private CpuClock(int? postmaster) => _postmaster = postmaster;

    /// <summary>Null where /proc/self/schedstat is not readable (not Linux, or without scheduler statistics).</summary>
    /// <param name="serverBackend">pg_backend_pid() of a connection, or null on SQLite (in process).</param>
    public static CpuClock? Create(int? serverBackend)
    {
        if (Read("/proc/self/schedstat") is null) return null;
        int? postmaster = null;
        // The backend is ours only when its process is a postgres one on this machine; its parent is the postmaster.
        if (serverBackend is { } pid && File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres")
            postmaster = ParentOf(pid);
        return new CpuClock(postmaster);
    }

    public bool CountsServer => _postmaster is not null;

    /// <summary>Starts a measure: the server's processes read first, this process last, so that reading the others is not counted.</summary>
    public (long Own, long Server) Start()
    {
        var server = Server();
        return (Own(), server);
    }

    /// <summary>Nanoseconds on a CPU since <paramref name="start"/>: this process read first, then the server.</summary>
    public long Stop((long Own, long Server) start)
    {
        var own = Own();
        return own - start.Own + Server() - start.Server;
    }

    private static long Own()
    {
        long total = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task")) total += Read(Path.Combine(task, "schedstat")) ?? 0;
        return total;
    }

    private long Server()
    {
        if (_postmaster is not { } parent) return 0;
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || ParentOf(pid) != parent) continue;
            total += Read(Path.Combine(dir, "schedstat")) ?? 0;
        }
        return total;
    }

    private static long? Read(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.TryParse(end < 0 ? text : text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var ns) ? ns : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>The load average over the last minute (Linux), for the report; null elsewhere.</summary>
    public static string? LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
