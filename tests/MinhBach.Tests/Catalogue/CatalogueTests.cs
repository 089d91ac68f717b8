using System.Text.Json.Nodes;
using MinhBach.Features.Catalogue;
using MinhBach.Tests.Infrastructure;
using CatalogueData = MinhBach.Features.Catalogue.Catalogue;

namespace MinhBach.Tests.Catalogue;

public sealed class CatalogueTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "minhbach-tests", "catalogue-" + Guid.NewGuid().ToString("N"));

    public CatalogueTests()
    {
        Directory.CreateDirectory(_copy);
        foreach (var file in Directory.GetFiles(Repository.DataDirectory, "*.json"))
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void The_shipped_data_files_load()
    {
        var catalogue = CatalogueData.Load(Repository.DataDirectory);
        Assert.NotEmpty(catalogue.AgencyKinds);
        Assert.NotEmpty(catalogue.ContentItems);
        Assert.NotEmpty(catalogue.PageKinds);
        Assert.NotEmpty(catalogue.DocumentTypes);
        Assert.NotNull(catalogue.Kind("provincial-portal"));
        Assert.NotNull(catalogue.Kind("department"));
    }

    [Fact]
    public void The_data_files_travel_with_the_build()
    {
        // The app loads them from beside its binaries (build and publish alike).
        var built = CatalogueData.Load(CatalogueData.DefaultDirectory);
        var source = CatalogueData.Load(Repository.DataDirectory);
        Assert.Equal(source.AgencyKinds.Select(k => k.Code), built.AgencyKinds.Select(k => k.Code));
    }

    [Fact]
    public void A_duplicate_code_is_refused_naming_the_file()
    {
        Edit("agency-kinds.json", root =>
        {
            var kinds = root["kinds"]!.AsArray();
            kinds.Add(kinds[0]!.DeepClone());
        });
        var e = Assert.Throws<CatalogueException>(() => CatalogueData.Load(_copy));
        Assert.Contains("agency-kinds.json", e.Message);
        Assert.Contains("\"provincial-portal\" bị trùng", e.Message);
    }

    [Fact]
    public void An_unknown_item_id_is_refused_naming_the_file()
    {
        Edit("agency-kinds.json", root => root["kinds"]![0]!["items"]!.AsArray().Add("INF-99"));
        var e = Assert.Throws<CatalogueException>(() => CatalogueData.Load(_copy));
        Assert.Contains("agency-kinds.json", e.Message);
        Assert.Contains("mục \"INF-99\" không có trong content-items.json", e.Message);
    }

    [Fact]
    public void Invalid_json_is_refused_naming_the_file()
    {
        var path = Path.Combine(_copy, "page-kinds.json");
        File.WriteAllText(path, File.ReadAllText(path)[..^10]);
        var e = Assert.Throws<CatalogueException>(() => CatalogueData.Load(_copy));
        Assert.Contains("page-kinds.json: JSON không hợp lệ", e.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_naming_the_file()
    {
        File.Delete(Path.Combine(_copy, "document-types.json"));
        var e = Assert.Throws<CatalogueException>(() => CatalogueData.Load(_copy));
        Assert.Contains("document-types.json: không tìm thấy tệp", e.Message);
    }

    private void Edit(string file, Action<JsonNode> change)
    {
        var path = Path.Combine(_copy, file);
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        change(root);
        File.WriteAllText(path, root.ToJsonString());
    }
}
