using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MinhBach.Data;
using MinhBach.Features.Media;
using Npgsql;

namespace MinhBach.Features.Operations.Backup;

/// <summary>
/// `./minhbach backup FILE` and `./minhbach restore FILE`: one gzip'd tar holding manifest.json, the database
/// (a SQLite online backup, or `pg_dump -Fc`) and the stored files. The database copy is consistent while the app runs:
/// SQLite's backup API copies one snapshot; on PostgreSQL pg_dump and the manifest's figures read the same exported
/// snapshot. Files are taken after the database: a file is written before the row that names it, so every file the
/// copy names is there.
/// </summary>
public sealed class BackupService(AppDb db, DatabaseInfo database, IOptions<DataOptions> data, IConfiguration config)
{
    private const string SqliteEntry = "database/minhbach.db";
    private const string PostgresEntry = "database/minhbach.pgdump";
    private const string FilesPrefix = "files/";

    private string FilesRoot => Path.GetFullPath(Path.Combine(data.Value.DataDirectory, "files"));
    private string? PostgresBin => config[$"{OperationsOptions.Section}:PostgresBin"];

    public static string AppVersion =>
        typeof(BackupService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

    public async Task<BackupManifest> CreateAsync(string file, IProgress<string> progress, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file) || Directory.Exists(file))
            throw new BackupException($"Tệp {file} đã có; chọn tên khác (bản sao lưu không ghi đè).");
        if (!Directory.Exists(Path.GetDirectoryName(file)))
            throw new BackupException($"Thư mục {Path.GetDirectoryName(file)} không tồn tại.");
        var work = Directory.CreateTempSubdirectory("minhbach-backup-");
        var part = file + ".part";
        try
        {
            var tables = DatabaseFingerprint.Tables(db);
            var (entry, dump, figures, migrations, serverVersion) = database.Provider == DatabaseProvider.Postgres
                ? await SnapshotPostgresAsync(work.FullName, tables, progress, ct)
                : await SnapshotSqliteAsync(work.FullName, tables, progress, ct);

            var files = ListFiles();
            progress.Report($"Đang tính mã kiểm tra {files.Count} tệp đã tải lên…");
            var fileEntries = new List<BackupEntry>();
            foreach (var (relative, full) in files)
            {
                fileEntries.Add(await DescribeAsync(relative, full, ct));
                if (fileEntries.Count % 500 == 0) progress.Report($"  {fileEntries.Count}/{files.Count} tệp");
            }
            var manifest = new BackupManifest
            {
                AppVersion = AppVersion,
                CreatedAt = DateTime.UtcNow,
                Provider = database.Provider.ToString(),
                ServerVersion = serverVersion,
                Migrations = migrations,
                Database = await DescribeAsync(entry, dump, ct),
                Tables = figures,
                Files = fileEntries,
            };

            progress.Report("Đang đóng gói…");
            await using (var output = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.WriteThrough))
            {
                await using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
                {
                    var json = JsonSerializer.SerializeToUtf8Bytes(manifest, BackupManifest.Json);
                    await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = new MemoryStream(json) }, ct);
                    await tar.WriteEntryAsync(dump, entry, ct);
                    var written = 0;
                    foreach (var (relative, full) in files)
                    {
                        await tar.WriteEntryAsync(full, FilesPrefix + relative, ct);
                        if (++written % 500 == 0) progress.Report($"  đã đóng gói {written}/{files.Count} tệp");
                    }
                }
                await output.FlushAsync(ct);
            }
            File.Move(part, file);
            return manifest;
        }
        finally
        {
            File.Delete(part);
            work.Delete(recursive: true);
        }
    }

    private async Task<(string Entry, string Dump, SortedDictionary<string, TableFigure> Figures, List<string> Migrations, string? ServerVersion)>
        SnapshotSqliteAsync(string work, IReadOnlyList<string> tables, IProgress<string> progress, CancellationToken ct)
    {
        progress.Report("Đang chụp cơ sở dữ liệu SQLite (sao lưu trực tuyến)…");
        var dump = Path.Combine(work, "minhbach.db");
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dump, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
            // One file, no WAL beside it: the copy is whole in the archive.
            await using var cmd = target.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=DELETE;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        progress.Report("Đang đếm các dòng và tính mã kiểm tra của bản chụp…");
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dump, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await copy.OpenAsync(ct);
        var figures = await DatabaseFingerprint.ComputeAsync(copy, null, tables, progress, ct);
        return (SqliteEntry, dump, figures, await MigrationsAsync(copy, null, ct), null);
    }

    private async Task<(string Entry, string Dump, SortedDictionary<string, TableFigure> Figures, List<string> Migrations, string? ServerVersion)>
        SnapshotPostgresAsync(string work, IReadOnlyList<string> tables, IProgress<string> progress, CancellationToken ct)
    {
        var cs = db.Database.GetConnectionString()!;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync(ct);
        var major = await PostgresTools.ServerMajorAsync(connection, ct);
        var pgDump = PostgresTools.Find("pg_dump", major, PostgresBin);
        // The figures and pg_dump read the same snapshot, held by this transaction until both are done.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var ro = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, tx)) await ro.ExecuteNonQueryAsync(ct);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, tx);
        var snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        var dump = Path.Combine(work, "minhbach.pgdump");
        progress.Report($"Đang chạy pg_dump ({pgDump}) trên bản chụp {snapshot}…");
        await PostgresTools.RunAsync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={dump}"], cs, ct);
        progress.Report("Đang đếm các dòng và tính mã kiểm tra trên cùng bản chụp…");
        var figures = await DatabaseFingerprint.ComputeAsync(connection, tx, tables, progress, ct);
        var migrations = await MigrationsAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        return (PostgresEntry, dump, figures, migrations, connection.PostgreSqlVersion.ToString());
    }

    private static async Task<List<string>> MigrationsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, CancellationToken ct)
    {
        var list = new List<string>();
        if (!(await DatabaseFingerprint.ExistingTablesAsync(connection, tx, ct)).Contains(DatabaseFingerprint.MigrationsTable)) return list;
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT \"MigrationId\" FROM \"{DatabaseFingerprint.MigrationsTable}\" ORDER BY \"MigrationId\"";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(reader.GetString(0));
        return list;
    }

    /// <summary>Stored files, by their store path; files being written (*.tmp) are not taken.</summary>
    private List<(string Relative, string Full)> ListFiles()
    {
        if (!Directory.Exists(FilesRoot)) return [];
        return [.. Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories)
            .Select(full => (Relative: Path.GetRelativePath(FilesRoot, full).Replace('\\', '/'), Full: full))
            .Where(f => LocalFileStore.ValidPath().IsMatch(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)];
    }

    private static async Task<BackupEntry> DescribeAsync(string path, string full, CancellationToken ct)
    {
        await using var stream = File.OpenRead(full);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new BackupEntry(path, stream.Length, Convert.ToHexStringLower(hash));
    }

    // --- restore ---------------------------------------------------------------------------------------

    public async Task<BackupManifest> RestoreAsync(string file, bool force, IProgress<string> progress, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) throw new BackupException($"Không có tệp {file}.");
        var work = Directory.CreateTempSubdirectory("minhbach-restore-");
        try
        {
            progress.Report($"Đang mở và kiểm tra {file}…");
            var manifest = await ExtractAsync(file, work.FullName, ct);
            Check(manifest, work.FullName);
            await CheckTargetEmptyAsync(force, ct);

            progress.Report("Đang khôi phục cơ sở dữ liệu…");
            var staged = Path.Combine(work.FullName, manifest.Database.Path);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                var cs = db.Database.GetConnectionString()!;
                await using var connection = new NpgsqlConnection(cs);
                await connection.OpenAsync(ct);
                var pgRestore = PostgresTools.Find("pg_restore", await PostgresTools.ServerMajorAsync(connection, ct), PostgresBin);
                // One transaction: a restore that fails leaves the database as it was.
                await PostgresTools.RunAsync(pgRestore, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                    "--exit-on-error", $"--dbname={new NpgsqlConnectionStringBuilder(cs).Database}", staged], cs, ct);
            }
            else
            {
                await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = staged, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
                await using var target = new SqliteConnection(db.Database.GetConnectionString());
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
                await using var wal = target.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync(ct);
            }

            progress.Report($"Đang chép {manifest.Files.Count} tệp đã tải lên…");
            if (Directory.Exists(FilesRoot)) Directory.Delete(FilesRoot, recursive: true);
            var done = 0;
            foreach (var f in manifest.Files)
            {
                var to = Path.Combine(FilesRoot, f.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Move(Path.Combine(work.FullName, FilesPrefix + f.Path), to);
                if (++done % 500 == 0) progress.Report($"  {done}/{manifest.Files.Count} tệp");
            }

            progress.Report("Đang so sánh cơ sở dữ liệu đã khôi phục với bản kê…");
            var connectionAfter = db.Database.GetDbConnection();
            await connectionAfter.OpenAsync(ct);
            try
            {
                var figures = await DatabaseFingerprint.ComputeAsync(connectionAfter, null, [.. manifest.Tables.Keys], progress, ct);
                var differences = DatabaseFingerprint.Differences(manifest.Tables, figures);
                if (differences.Count > 0)
                    throw new BackupException("Cơ sở dữ liệu sau khi khôi phục khác bản kê của bản sao lưu:\n- " + string.Join("\n- ", differences), 8);
            }
            finally
            {
                await connectionAfter.CloseAsync();
            }
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Unpacks into the work folder; only the names a backup has are accepted (no path leaves the folder).</summary>
    private static async Task<BackupManifest> ExtractAsync(string file, string work, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        try
        {
            await using var input = File.OpenRead(file);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory) continue;
                var name = entry.Name;
                var allowed = entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile &&
                    (name is BackupManifest.EntryName or SqliteEntry or PostgresEntry ||
                     name.StartsWith(FilesPrefix, StringComparison.Ordinal) && LocalFileStore.ValidPath().IsMatch(name[FilesPrefix.Length..]));
                if (!allowed) throw new BackupException($"Tệp {file} chứa mục lạ \"{name}\": không phải bản sao lưu MinhBach.");
                if (name == BackupManifest.EntryName)
                {
                    manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream!, BackupManifest.Json, ct);
                    continue;
                }
                var to = Path.Combine(work, name);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                await entry.ExtractToFileAsync(to, overwrite: false, ct);
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException or EndOfStreamException or IOException and not FileNotFoundException)
        {
            throw new BackupException($"Tệp {file} không đọc được như một bản sao lưu MinhBach (tar.gz): {e.Message}");
        }
        if (manifest is null || manifest.Format != BackupManifest.FormatName)
            throw new BackupException($"Tệp {file} không có bản kê (manifest.json) của MinhBach: không phải bản sao lưu MinhBach.");
        return manifest;
    }

    private void Check(BackupManifest manifest, string work)
    {
        if (manifest.FormatVersion > BackupManifest.CurrentFormatVersion)
            throw new BackupException($"Bản sao lưu có định dạng {manifest.FormatVersion}, mới hơn phiên bản MinhBach này hiểu được ({BackupManifest.CurrentFormatVersion}): hãy dùng MinhBach {manifest.AppVersion} trở lên.");
        if (manifest.Provider != database.Provider.ToString())
            throw new BackupException($"Bản sao lưu là của {manifest.Provider}, còn cấu hình hiện tại dùng {database.Provider}: hãy khôi phục vào cùng loại cơ sở dữ liệu.");
        var unknown = manifest.Migrations.Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
            throw new BackupException($"Bản sao lưu có {unknown.Count} bước nâng cấp mà phiên bản MinhBach này không biết ({string.Join(", ", unknown)}): hãy dùng MinhBach {manifest.AppVersion} trở lên.");
        var bad = new List<string>();
        foreach (var e in manifest.Files.Select(f => f with { Path = FilesPrefix + f.Path }).Prepend(manifest.Database))
        {
            var full = Path.Combine(work, e.Path);
            if (!File.Exists(full)) { bad.Add($"{e.Path}: thiếu"); continue; }
            using var stream = File.OpenRead(full);
            if (stream.Length != e.Size || Convert.ToHexStringLower(SHA256.HashData(stream)) != e.Sha256) bad.Add($"{e.Path}: mã kiểm tra không khớp");
        }
        if (bad.Count > 0)
            throw new BackupException("Bản sao lưu bị hỏng, không khôi phục gì:\n- " + string.Join("\n- ", bad.Take(20)) + (bad.Count > 20 ? $"\n- … và {bad.Count - 20} mục khác" : ""));
    }

    private async Task CheckTargetEmptyAsync(bool force, CancellationToken ct)
    {
        if (force) return;
        var filled = new List<string>();
        var connection = db.Database.GetDbConnection();
        if (database.Provider == DatabaseProvider.Postgres || File.Exists(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource))
        {
            await connection.OpenAsync(ct);
            try
            {
                var existing = await DatabaseFingerprint.ExistingTablesAsync(connection, null, ct);
                foreach (var table in DatabaseFingerprint.Tables(db).Where(t => t != DatabaseFingerprint.MigrationsTable && existing.Contains(t)))
                {
                    await using var cmd = connection.CreateCommand();
                    cmd.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table}\")";
                    if (Convert.ToBoolean(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)) filled.Add(table);
                }
            }
            finally
            {
                await connection.CloseAsync();
            }
        }
        var hasFiles = Directory.Exists(FilesRoot) && Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories).Any();
        if (filled.Count > 0 || hasFiles)
            throw new BackupException("Cơ sở dữ liệu đích không trống" +
                (filled.Count > 0 ? $" (có dữ liệu trong {filled.Count} bảng, ví dụ {string.Join(", ", filled.Take(5))})" : "") +
                (hasFiles ? $"{(filled.Count > 0 ? " và" : " (")} thư mục tệp {FilesRoot} đã có tệp{(filled.Count > 0 ? "" : ")")}" : "") +
                ". Khôi phục sẽ xoá toàn bộ dữ liệu hiện có; nếu chắc chắn, chạy lại với --force (sau khi đã dừng máy chủ).");
    }
}
