namespace MinhBach.Tests.Infrastructure;

/// <summary>Paths in the source tree, found from the test binaries upwards.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string DataDirectory => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MinhBach.slnx"))) return dir.FullName;
        throw new InvalidOperationException("MinhBach.slnx not found above " + AppContext.BaseDirectory);
    }
}
