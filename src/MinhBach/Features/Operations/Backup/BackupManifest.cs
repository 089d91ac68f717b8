using System.Text.Json;
using System.Text.Json.Serialization;

namespace MinhBach.Features.Operations.Backup;

public sealed record BackupEntry(string Path, long Size, string Sha256);

/// <summary>manifest.json, the first entry of a backup archive: what it holds and how to check it.</summary>
public sealed record BackupManifest
{
    public const string FormatName = "minhbach-backup";
    public const int CurrentFormatVersion = 1;
    public const string EntryName = "manifest.json";

    public string Format { get; init; } = FormatName;
    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public string AppVersion { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    /// <summary>"Sqlite" or "Postgres": a backup restores into the same kind of database.</summary>
    public string Provider { get; init; } = "";
    public string? ServerVersion { get; init; }
    public IReadOnlyList<string> Migrations { get; init; } = [];
    public BackupEntry Database { get; init; } = new("", 0, "");
    public SortedDictionary<string, TableFigure> Tables { get; init; } = [];
    public IReadOnlyList<BackupEntry> Files { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>A backup or restore that cannot go on; the message is for the operator, in Vietnamese.</summary>
public sealed class BackupException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
