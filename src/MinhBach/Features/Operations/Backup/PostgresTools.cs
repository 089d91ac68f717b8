using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MinhBach.Features.Operations.Backup;

/// <summary>pg_dump and pg_restore of the server's major version (or newer), run with the app's connection settings.</summary>
public static class PostgresTools
{
    public static async Task<int> ServerMajorAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SHOW server_version_num", connection);
        var num = int.Parse((string)(await cmd.ExecuteScalarAsync(ct))!, CultureInfo.InvariantCulture);
        return num / 10000;
    }

    /// <summary>Debian keeps each major version in /usr/lib/postgresql/NN/bin; a client older than the server refuses it.</summary>
    public static string Find(string tool, int serverMajor, string? configuredFolder)
    {
        if (!string.IsNullOrWhiteSpace(configuredFolder))
        {
            var configured = Path.Combine(configuredFolder, tool);
            return File.Exists(configured) ? configured
                : throw new BackupException($"Không thấy {tool} trong thư mục đã cấu hình (Operations:PostgresBin = {configuredFolder}).", 7);
        }
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Ok: int.TryParse(Path.GetFileName(d), out var v), Major: v))
                .Where(x => x.Ok && x.Major >= serverMajor && File.Exists(Path.Combine(x.Dir, "bin", tool)))
                .OrderBy(x => x.Major).Select(x => Path.Combine(x.Dir, "bin", tool)).ToList()
            : [];
        if (versions.Count > 0) return versions[0];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        throw new BackupException($"Không tìm thấy {tool} phiên bản {serverMajor} trở lên. Cài gói postgresql-client-{serverMajor} " +
            "hoặc cấu hình Operations:PostgresBin (thư mục chứa pg_dump và pg_restore).", 7);
    }

    /// <summary>Runs the tool with the connection's host, port, user, password and database in the environment.</summary>
    public static async Task RunAsync(string tool, IEnumerable<string> args, string connectionString, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (!string.IsNullOrEmpty(cs.Host)) start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(cs.Username)) start.Environment["PGUSER"] = cs.Username;
        if (!string.IsNullOrEmpty(cs.Password)) start.Environment["PGPASSWORD"] = cs.Password;
        if (!string.IsNullOrEmpty(cs.Database)) start.Environment["PGDATABASE"] = cs.Database;
        using var process = Process.Start(start) ?? throw new BackupException($"Không chạy được {tool}.", 7);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new BackupException($"{Path.GetFileName(tool)} không thành công (mã {process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}".Trim(), 7);
    }
}
