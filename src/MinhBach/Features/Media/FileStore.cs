using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MinhBach.Data;

namespace MinhBach.Features.Media;

/// <summary>Where uploaded files live: a local folder by default, a shared volume when several nodes run.</summary>
public interface IFileStore
{
    Task SaveAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct);
    Stream? OpenRead(string path);
    void Delete(string path);
    /// <summary>Deletes the files under <paramref name="prefix"/> last written before <paramref name="writtenBeforeUtc"/> that
    /// <paramref name="keep"/> refuses, and the writes left unfinished there (a crash mid-write); how many it deleted.</summary>
    int Sweep(string prefix, DateTime writtenBeforeUtc, Func<string, bool> keep);
}

public sealed partial class LocalFileStore(IOptions<DataOptions> options) : IFileStore
{
    private readonly string _root = System.IO.Path.GetFullPath(System.IO.Path.Combine(options.Value.DataDirectory, "files"));

    /// <summary>Files under this prefix (attachments of citizens' questions) are private: /tep/ never serves them.</summary>
    public const string PrivatePrefix = "q/";

    /// <summary>A stored file, or a smaller copy of an image (<see cref="ImageVariants"/>: "-480.jpg").</summary>
    [GeneratedRegex(@"^(q/)?[0-9]{1,9}/[0-9]{4}/[0-9]{2}/[0-9a-f]{32}(\.(jpg|png|pdf|docx|doc)|-[0-9]{3,4}\.(jpg|png))$")]
    public static partial Regex ValidPath();

    /// <summary>A path the public may read: an image of the media library.</summary>
    public static bool IsPublic(string path) =>
        ValidPath().IsMatch(path) && !path.StartsWith(PrivatePrefix, StringComparison.Ordinal) && (path.EndsWith(".jpg", StringComparison.Ordinal) || path.EndsWith(".png", StringComparison.Ordinal));

    private string Full(string path)
    {
        if (!ValidPath().IsMatch(path)) throw new ArgumentException("Invalid store path.", nameof(path));
        return System.IO.Path.Combine(_root, path);
    }

    public async Task SaveAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var full = Full(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        // Write beside, flush to disk, then rename: a crash never leaves half a file under the final name.
        // A failed write (full disk, cancelled) removes its temporary file: nothing is left behind either way.
        // The temporary name is unique, so two writers of the same copy (two nodes, ImageVariants) never share one.
        var temp = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.WriteThrough))
            {
                await f.WriteAsync(content, ct);
                await f.FlushAsync(ct);
            }
            File.Move(temp, full, overwrite: false);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The original failure is the one worth reporting.
            }
            throw;
        }
    }

    public Stream? OpenRead(string path) =>
        ValidPath().IsMatch(path) && File.Exists(Full(path)) ? File.OpenRead(Full(path)) : null;

    public void Delete(string path)
    {
        if (ValidPath().IsMatch(path) && File.Exists(Full(path))) File.Delete(Full(path));
    }

    public int Sweep(string prefix, DateTime writtenBeforeUtc, Func<string, bool> keep)
    {
        var folder = System.IO.Path.Combine(_root, prefix);
        if (!Directory.Exists(folder)) return 0;
        var deleted = 0;
        foreach (var full in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var path = System.IO.Path.GetRelativePath(_root, full).Replace('\\', '/');
            var unfinished = path.EndsWith(".tmp", StringComparison.Ordinal) && ValidPath().IsMatch(path[..^4]);
            if (!unfinished && (!ValidPath().IsMatch(path) || keep(path))) continue;
            if (File.GetLastWriteTimeUtc(full) >= writtenBeforeUtc) continue;
            try
            {
                File.Delete(full);
                deleted++;
            }
            catch (IOException)
            {
                // Gone already (another node sweeping the same shared folder): nothing left to do.
            }
        }
        return deleted;
    }
}
