using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MinhBach.Features.Operations.Backup;
using MinhBach.Tests.Infrastructure;

namespace MinhBach.Tests.Operations;

/// <summary>`./minhbach backup` while the site is being written to, and `./minhbach restore` into an empty database.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BackupTests
{
    [DatabaseTheory]
    public async Task A_backup_taken_under_load_restores_to_an_identical_database(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var rich = await RichSite.CreateAsync(app);
        var image = Path.Combine(app.Database.Folder, "files", rich.Portal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "2025", "01", Guid.NewGuid().ToString("N") + ".jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        var imageBytes = TestImages.Jpeg(40, 30);
        await File.WriteAllBytesAsync(image, imageBytes);
        var file = Path.Combine(app.Database.Folder, "backup.tar.gz");

        // Two writers publish articles during the whole backup.
        using var stop = new CancellationTokenSource();
        var written = 0;
        async Task WriteAsync(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await app.AddArticleAsync(rich.Portal, rich.Categories[0], $"Tin viết trong lúc sao lưu {writer}-{i}", $"tin-sao-luu-{writer}-{i}");
                Interlocked.Increment(ref written);
            }
        }
        var writers = new[] { Task.Run(() => WriteAsync(1)), Task.Run(() => WriteAsync(2)) };
        await Eventually.WaitAsync(() => Task.FromResult(Volatile.Read(ref written)), n => n >= 5, TimeSpan.FromSeconds(60), "the writers to start");
        var before = await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync());
        var backup = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["backup", file, .. app.Database.CommandLineArgs]);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var after = await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync());
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.Contains("Đã sao lưu", backup.Output);

        var manifest = ReadManifest(file);
        Assert.Equal(provider == Databases.Postgres ? "Postgres" : "Sqlite", manifest.Provider);
        Assert.InRange(manifest.Tables["Articles"].Rows, before, after);
        Assert.True(after > before, "the writers kept writing during the backup");
        Assert.Equal(await app.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync()), manifest.Migrations);
        Assert.Single(manifest.Files);

        await using var target = await TestDatabase.CreateAsync(provider);
        var restore = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["restore", file, .. target.CommandLineArgs]);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains("khớp bản kê", restore.Output);

        // Every table has the same rows and content as the snapshot in the manifest.
        await using (var db = target.CreateDbContext())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var figures = await DatabaseFingerprint.ComputeAsync(connection, null, DatabaseFingerprint.Tables(db), null, CancellationToken.None);
            Assert.Equal(manifest.Tables, figures);
            Assert.True(figures["Sites"].Rows >= 2 && figures["Documents"].Rows > 0);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        var restoredImage = Path.Combine(target.Folder, "files", Path.GetRelativePath(Path.Combine(app.Database.Folder, "files"), image));
        Assert.Equal(imageBytes, await File.ReadAllBytesAsync(restoredImage));

        // A second restore into the now filled database is refused and changes nothing; --force replaces.
        var refused = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["restore", file, .. target.CommandLineArgs]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("không trống", refused.Errors);
        Assert.Contains("--force", refused.Errors);
        var forced = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["restore", file, "--force", .. target.CommandLineArgs]);
        Assert.True(forced.ExitCode == 0, forced.ToString());
    }

    [DatabaseTheory]
    public async Task Bad_backup_and_restore_arguments_are_explained_and_change_nothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreatePortalAsync();
        var existing = Path.Combine(app.Database.Folder, "co-roi.tar.gz");
        await File.WriteAllTextAsync(existing, "không phải bản sao lưu");

        var overwrite = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["backup", existing, .. app.Database.CommandLineArgs]);
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Contains("đã có", overwrite.Errors);
        Assert.Equal("không phải bản sao lưu", await File.ReadAllTextAsync(existing));

        var noFolder = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["backup", Path.Combine(app.Database.Folder, "khong-co", "b.tar.gz"), .. app.Database.CommandLineArgs]);
        Assert.Equal(2, noFolder.ExitCode);
        Assert.Contains("không tồn tại", noFolder.Errors);

        var missingArgument = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["backup"]);
        Assert.Equal(2, missingArgument.ExitCode);

        await using var target = await TestDatabase.CreateAsync(provider);
        var garbage = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["restore", existing, .. target.CommandLineArgs]);
        Assert.Equal(2, garbage.ExitCode);
        Assert.Contains("bản sao lưu MinhBach", garbage.Errors);
        var missing = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["restore", existing + ".x", .. target.CommandLineArgs]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("Không có tệp", missing.Errors);

        // A backup whose database copy was altered is refused before anything is written.
        var good = Path.Combine(app.Database.Folder, "tot.tar.gz");
        Assert.Equal(0, (await MinhBach.Tests.Infrastructure.Cli.RunAsync(["backup", good, .. app.Database.CommandLineArgs])).ExitCode);
        var tampered = Path.Combine(app.Database.Folder, "sua.tar.gz");
        await RewriteAsync(good, tampered, (name, bytes) => name.StartsWith("database/", StringComparison.Ordinal) ? [.. bytes, 0] : bytes);
        var broken = await MinhBach.Tests.Infrastructure.Cli.RunAsync(["restore", tampered, .. target.CommandLineArgs]);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("bị hỏng", broken.Errors);
        await using var db = target.CreateDbContext();
        Assert.DoesNotContain("Sites", await TablesAsync(db));
    }

    private static async Task<HashSet<string>> TablesAsync(MinhBach.Data.AppDb db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return await DatabaseFingerprint.ExistingTablesAsync(connection, null, CancellationToken.None);
    }

    private static BackupManifest ReadManifest(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var first = tar.GetNextEntry()!;
        Assert.Equal(BackupManifest.EntryName, first.Name);
        return JsonSerializer.Deserialize<BackupManifest>(first.DataStream!, BackupManifest.Json)!;
    }

    private static async Task RewriteAsync(string from, string to, Func<string, byte[], byte[]> change)
    {
        await using var input = new GZipStream(File.OpenRead(from), CompressionMode.Decompress);
        using var reader = new TarReader(input);
        await using var output = new GZipStream(File.Create(to), CompressionLevel.Fastest);
        await using var writer = new TarWriter(output, TarEntryFormat.Pax);
        while (reader.GetNextEntry() is { } entry)
        {
            using var buffer = new MemoryStream();
            entry.DataStream?.CopyTo(buffer);
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry.Name) { DataStream = new MemoryStream(change(entry.Name, buffer.ToArray())) });
        }
    }
}
