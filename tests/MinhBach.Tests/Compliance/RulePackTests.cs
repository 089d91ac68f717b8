using MinhBach.Features.Catalogue;
using MinhBach.Features.Compliance;
using MinhBach.Tests.Infrastructure;
using CatalogueData = MinhBach.Features.Catalogue.Catalogue;

namespace MinhBach.Tests.Compliance;

/// <summary>The rule packs in data/rule-packs load, and a broken pack is refused with messages naming file, rule and field.</summary>
public sealed class RulePackTests
{
    private static readonly CatalogueData Catalogue = CatalogueData.Load(Repository.DataDirectory);

    private static (string, string) File(string name) => (name, System.IO.File.ReadAllText(Path.Combine(Repository.DataDirectory, "rule-packs", name)));

    /// <summary>A small valid pack: two headings of 50, three rules for departments.</summary>
    private static string Pack(string rules = "", string id = "T-01", string headings = """{ "code": "A", "name": "Nội dung", "points": 50 }, { "code": "B", "name": "Kỹ thuật", "points": 50 }""") => $$"""
        {
          "id": "{{id}}", "name": "Gói thử", "kinds": ["department"],
          "scheme": { "total": 100, "headings": [ {{headings}} ] },
          "rules": [
            { "id": "INF-06", "title": "Liên hệ", "titleEn": "Contacts", "basis": "D42 Art. 4.1.e", "certainty": "S", "kinds": ["department"], "heading": "A", "points": 30 },
            { "id": "INF-15", "title": "Tin tức", "titleEn": "News", "basis": "D43", "certainty": "U", "kinds": ["department"], "heading": "A", "points": 20, "freshnessDays": 30 },
            { "id": "TEC-05", "title": "EMC", "titleEn": "EMC", "basis": "TT 22/2023", "certainty": "S", "kinds": ["department"], "heading": "B", "points": 50, "carriers": ["setting:emc"] }
            {{rules}}
          ]
        }
        """;

    private static string Refused(params (string File, string Text)[] files) =>
        Assert.Throws<CatalogueException>(() => RulePacks.Parse(files, Catalogue)).Message;

    [Fact]
    public void The_shipped_packs_load_with_their_schemes()
    {
        var packs = RulePacks.Load(Repository.DataDirectory, Catalogue);
        var d42 = packs.Get("D42-2022")!;
        // Seed 000, footnote 7: the 9 headings of Art. 4 at 10 points each, and 10 for regular updating.
        var scored = d42.Scheme.Headings.Where(h => h.Points > 0).ToList();
        Assert.Equal(10, scored.Count);
        Assert.All(scored, h => Assert.Equal(10m, h.Points));
        Assert.Equal(100m, d42.Scheme.Total);
        Assert.Contains("Thường xuyên cập nhật", scored[^1].Name);
        var d224 = packs.Get("d224-2026")!;
        Assert.Equal(["a", "b", "c"], d224.Scheme.Headings.Select(h => h.Code));
        Assert.Equal([60m, 30m, 10m], d224.Scheme.Headings.Select(h => h.Points));
        Assert.DoesNotContain("district", d224.Kinds);
        // The same stable IDs in both packs, each with its basis and certainty there.
        Assert.Equal(Certainty.S, d42.Rule("INF-06")!.Certainty);
        Assert.Equal(Certainty.PT, d224.Rule("INF-13")!.Certainty);
        Assert.Equal(7, d224.Rule("INF-15")!.FreshnessFor("provincial-portal"));
        Assert.Equal(30, d224.Rule("INF-15")!.FreshnessFor("commune"));
        // For the portal, departments and communes, the rules that apply add up to 100 in both packs (a kind with
        // fewer items, "other", leaves some headings empty and is scaled up to 100 by the engine).
        foreach (var pack in packs.All)
            foreach (var kind in new[] { "provincial-portal", "department", "commune" })
                Assert.Equal(100m, pack.RulesFor(kind).Sum(r => r.PointsFor(kind)));
    }

    [Fact]
    public void A_province_pack_extends_a_base_pack()
    {
        var example = ("DM-2026.json", System.IO.File.ReadAllText(Path.Combine(Repository.DataDirectory, "rule-packs", "examples", "DM-2026.example.json")));
        var packs = RulePacks.Parse([File("D224-2026.json"), example], Catalogue);
        var dm = packs.Get("DM-2026")!;
        var base224 = packs.Get("D224-2026")!;
        Assert.Equal("D224-2026", dm.Extends);
        Assert.Equal(base224.Scheme.Headings, dm.Scheme.Headings);
        Assert.Equal(base224.Rules.Count + 1, dm.Rules.Count);
        Assert.Equal(15, dm.Rule("INF-15")!.FreshnessFor("commune"));
        Assert.Equal(base224.Rule("INF-15")!.Title, dm.Rule("INF-15")!.Title);
        Assert.Equal(["category:chuyen-doi-so"], dm.Rule("DM-01")!.Carriers);
    }

    [Fact]
    public void An_unknown_kind_is_named_with_file_rule_and_field()
    {
        var message = Refused(("T-01.json", Pack("""
            , { "id": "INF-20", "title": "Tiếng Anh", "titleEn": "English", "basis": "D42 Art. 7.2", "certainty": "S", "kinds": ["bo-nganh"], "heading": "B", "points": 0 }
            """)));
        Assert.Contains("T-01.json, quy tắc \"INF-20\", trường \"kinds\": loại đơn vị \"bo-nganh\" không có trong data/agency-kinds.json.", message);
    }

    [Fact]
    public void A_duplicate_rule_is_named()
    {
        var message = Refused(("T-01.json", Pack("""
            , { "id": "TEC-05", "title": "EMC", "titleEn": "EMC", "basis": "TT 22/2023", "certainty": "S", "kinds": ["department"], "heading": "B", "points": 0, "carriers": ["setting:emc"] }
            """)));
        Assert.Contains("T-01.json: quy tắc \"TEC-05\" xuất hiện 2 lần.", message);
    }

    [Fact]
    public void Points_that_do_not_add_up_are_explained()
    {
        var message = Refused(("T-01.json", Pack(headings: """{ "code": "A", "name": "Nội dung", "points": 40 }, { "code": "B", "name": "Kỹ thuật", "points": 50 }""")));
        Assert.Contains("T-01.json, thang điểm: các đề mục cộng lại 90 điểm, tổng điểm (total) là 100.", message);
        Assert.Contains("T-01.json, đề mục \"A\", loại đơn vị \"department\": các quy tắc áp dụng cộng lại 50 điểm (INF-06 30, INF-15 20), đề mục có 40 điểm.", message);
    }

    [Fact]
    public void An_unknown_heading_a_bad_threshold_and_a_bad_certainty_are_named()
    {
        var message = Refused(("T-01.json", Pack("""
            , { "id": "INF-20", "title": "Tiếng Anh", "titleEn": "English", "basis": "D42 Art. 7.2", "certainty": "chắc", "kinds": ["department"], "heading": "KT", "points": 0, "freshnessDays": -5 }
            """)));
        Assert.Contains("T-01.json, quy tắc \"INF-20\", trường \"heading\": đề mục \"KT\" không có trong thang điểm (A, B).", message);
        Assert.Contains("T-01.json, quy tắc \"INF-20\", trường \"freshnessDays\": ngưỡng cập nhật phải từ 1 đến 3650 ngày (đang là -5).", message);
        Assert.Contains("T-01.json, quy tắc \"INF-20\", trường \"certainty\": phải là P, PT, S hoặc U (đang là \"chắc\").", message);
    }

    [Fact]
    public void Thresholds_of_a_measured_rule_are_read_and_bad_ones_named()
    {
        var d224 = RulePacks.Load(Repository.DataDirectory, Catalogue).Get("D224-2026")!;
        Assert.Equal(800, d224.Rule("TEC-28")!.Thresholds["ttfbGoodMs"]);
        Assert.Equal(1800, d224.Rule("TEC-28")!.Thresholds["ttfbPoorMs"]);

        var message = Refused(("T-01.json", Pack("""
            , { "id": "TEC-28", "title": "Hiệu năng", "titleEn": "Performance", "basis": "D224", "certainty": "PT", "kinds": ["department"], "heading": "B", "points": 0,
                "carriers": ["external:performance"], "thresholds": { "ttfbGoodMs": 2000, "ttfbPoorMs": 1000, "lcpMs": 2500 } }
            """)));
        Assert.Contains("T-01.json, quy tắc \"TEC-28\", trường \"thresholds\": ngưỡng \"lcpMs\" không có (ttfbGoodMs, ttfbPoorMs).", message);
        Assert.Contains("T-01.json, quy tắc \"TEC-28\", trường \"thresholds\": ttfbGoodMs (2000) phải nhỏ hơn hoặc bằng ttfbPoorMs (1000).", message);
    }

    [Fact]
    public void Unknown_carriers_broken_json_and_a_missing_base_are_named()
    {
        var message = Refused(
            ("T-01.json", Pack("""
                , { "id": "INF-20", "title": "Tiếng Anh", "titleEn": "English", "basis": "D42", "certainty": "S", "kinds": ["department"], "heading": "B", "points": 0, "carriers": ["page:ban-do", "setting:mau-sac"] }
                """)),
            ("T-02.json", "{ \"id\": \"T-02\", "),
            ("T-03.json", """{ "id": "T-03", "extends": "D99-2030", "rules": [] }"""));
        Assert.Contains("T-01.json, quy tắc \"INF-20\", trường \"carriers\": \"page:ban-do\" nói đến loại trang \"ban-do\" không có trong data/page-kinds.json.", message);
        Assert.Contains("\"setting:mau-sac\" nói đến cài đặt \"mau-sac\" không có", message);
        Assert.Contains("T-02.json: JSON không hợp lệ ở dòng", message);
        Assert.Contains("T-03.json, trường \"extends\": gói gốc \"D99-2030\" không có trong thư mục rule-packs.", message);
    }

    [Fact]
    public void A_valid_small_pack_loads()
    {
        var pack = RulePacks.Parse([("T-01.json", Pack())], Catalogue).Get("T-01")!;
        Assert.Equal(3, pack.Rules.Count);
        Assert.Equal(["page:functions", "org-units", "contacts"], pack.Rule("INF-06")!.Carriers);
    }
}
