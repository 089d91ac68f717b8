using MinhBach.Features.Compliance;
using MinhBach.Features.Registry;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace MinhBach.Features.ReviewReport;

/// <summary>
/// The review report as DOCX, section by section as seed 000: header block with the national motto, title, basis;
/// I.1 general situation (sites, component sites, IPv6 n/N, EMC n/N, licences valid and not, with the units named in
/// footnotes); I.2 results (scores per kind of unit as charts and tables, then each item with the units missing it);
/// I.3 shortcomings; II recommendations; recipients and signature. Fixed wording comes from <see cref="ReviewTemplate"/>.
/// </summary>
public static class ReviewReportDocx
{
    /// <summary>Units per chart picture, so that a picture fits on a page.</summary>
    public const int ChartRows = 40;

    public static byte[] Write(ReviewReportData d, ReviewTemplate t)
    {
        using var w = new DocxWriter();
        var s = d.Summary;
        var n = s.Total;
        string Fill(string text) => t.Fill(text, d.AsOf, d.Pack.Name);
        string Of(int x, int of) => RegistrySummary.Ratio(x, of);
        var rows = d.Units.Select(u => u.Row).ToList();

        // Header block: issuing body left, national motto right, number and date line.
        w.LayoutTable([
            ([new Txt(t.IssuingParent), new Txt(t.IssuingBody, Bold: true), new Txt("")],
             [new Txt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold: true), new Txt("Độc lập - Tự do - Hạnh phúc", Bold: true), new Txt("")]),
            ([new Txt(t.NumberLine)], [new Txt($"{t.Place}, {ReviewFormat.LongDate(d.AsOf)}", Italic: true)]),
        ]);
        w.Centered("");
        w.Centered(t.Title, bold: true, halfPoints: 28);
        w.Centered(Fill(t.Subtitle), bold: true);
        w.Centered($"(Thời điểm rà soát, đánh giá đến hết ngày {ReviewFormat.ShortDate(d.AsOf)}; gói quy tắc {d.Pack.Id})", italic: true);
        foreach (var b in t.Basis) w.Para(Fill(b));
        w.Para(Fill(t.Intro));

        w.Heading("I. VIỆC CUNG CẤP THÔNG TIN BẮT BUỘC TRÊN TRANG TTĐT CỦA CÁC SỞ, BAN, NGÀNH, ĐỊA PHƯƠNG");
        w.Heading("1. Tình hình chung");
        var groups = rows.GroupBy(r => r.KindGroup).Select(g => $"{g.Count()} {g.Key}").ToList();
        var noIpv6 = rows.Where(r => r.Entry.Ipv6 == false).ToList();
        var unknownIpv6 = rows.Where(r => r.Entry.Ipv6 is null).ToList();
        var noEmc = rows.Where(r => r.Entry.Emc == false).ToList();
        var unknownEmc = rows.Where(r => r.Entry.Emc is null).ToList();
        w.Para(
            new Txt($"Toàn tỉnh hiện có {Of(n, n)} cơ quan, đơn vị có trang TTĐT trong sổ theo dõi ({string.Join("; ", groups)}). Trong đó, "),
            new Txt($"{Of(s.Ipv6Yes, n)}", Bold: true), new Txt(" trang TTĐT"),
            new Note(noIpv6.Count + unknownIpv6.Count == 0 ? "Tất cả các trang TTĐT trong sổ theo dõi đã chuyển đổi địa chỉ IPv6."
                : (noIpv6.Count > 0 ? $"Còn {Of(noIpv6.Count, n)} trang TTĐT chưa chuyển đổi địa chỉ IPv6 gồm các đơn vị: {ReviewFormat.Names(noIpv6.Select(r => r.Entry.UnitName))}." : "")
                + (unknownIpv6.Count > 0 ? $" Chưa có thông tin về IPv6 của {Of(unknownIpv6.Count, n)} trang: {ReviewFormat.Names(unknownIpv6.Select(r => r.Entry.UnitName))}." : "")),
            new Txt(" đã thực hiện chuyển đổi địa chỉ Internet IPv6; "),
            new Txt($"{Of(s.EmcYes, n)}", Bold: true),
            new Txt(" trang TTĐT đã thực hiện kết nối với Hệ thống EMC (hệ thống giám sát, đo lường mức độ cung cấp và sử dụng dịch vụ Chính phủ số)"),
            new Note(noEmc.Count + unknownEmc.Count == 0 ? "Tất cả các trang TTĐT trong sổ theo dõi đã kết nối Hệ thống EMC."
                : (noEmc.Count > 0 ? $"Còn {Of(noEmc.Count, n)} trang TTĐT chưa kết nối EMC: {ReviewFormat.Names(noEmc.Select(r => "Trang TTĐT " + r.Entry.UnitName))}." : "")
                + (unknownEmc.Count > 0 ? $" Chưa có thông tin về EMC của {Of(unknownEmc.Count, n)} trang: {ReviewFormat.Names(unknownEmc.Select(r => r.Entry.UnitName))}." : "")),
            new Txt("; "),
            new Txt(s.Hosted == 0 ? $"{Of(n, n)}" : $"{Of(s.Hosted, n)}", Bold: true),
            new Txt(s.Hosted == 0 ? " trang TTĐT các sở, ban, ngành, địa phương chưa phải là trang thành phần của Cổng TTĐT tỉnh."
                : s.Hosted == n ? " trang TTĐT là trang thành phần của Cổng TTĐT tỉnh (đặt trên hệ thống của tỉnh)."
                : $" trang TTĐT là trang thành phần của Cổng TTĐT tỉnh (đặt trên hệ thống của tỉnh); {Of(n - s.Hosted, n)} trang chưa phải là trang thành phần."));

        var licensed = rows.Where(r => r.Licence != LicenceState.NotRequired).ToList();
        var valid = licensed.Where(r => r.Licence is LicenceState.Valid or LicenceState.Expiring).ToList();
        var notValid = licensed.Where(r => r.Licence is LicenceState.Expired or LicenceState.Missing).ToList();
        var expiring = licensed.Where(r => r.Licence == LicenceState.Expiring).ToList();
        if (licensed.Count == 0)
            w.Para("Về hoạt động Trang TTĐT tổng hợp: trong sổ theo dõi không có trang TTĐT tổng hợp nào phải cấp giấy phép.");
        else
        {
            var parts = new List<Inline>
            {
                new Txt("Về hoạt động Trang TTĐT tổng hợp, có "), new Txt(Of(valid.Count, licensed.Count), Bold: true),
                new Txt(" trang TTĐT các sở, ngành, địa phương là trang TTĐT tổng hợp hoạt động theo giấy phép còn hiệu lực do Sở TTTT cấp"),
                new Note(valid.Count == 0 ? "Không có giấy phép nào còn hiệu lực." : "Giấy phép còn hiệu lực: " + ReviewFormat.Names(valid.Select(r =>
                    $"{r.Entry.UnitName} (số {r.Entry.LicenceNumber}{(r.Entry.LicenceExpiresOn is DateOnly x ? ", hết hạn " + ReviewFormat.ShortDate(x) : "")})")) + "."),
                new Txt(". Có "), new Txt(Of(notValid.Count, licensed.Count), Bold: true),
                new Txt(" cơ quan, đơn vị đang hoạt động cung cấp thông tin tổng hợp trên trang TTĐT với giấy phép hết hiệu lực hoặc chưa tiến hành thủ tục cấp phép"),
            };
            if (notValid.Count > 0)
                parts.Add(new Note(ReviewFormat.Names(notValid.Select(r => r.Licence == LicenceState.Missing ? $"{r.Entry.UnitName} (chưa cấp phép)"
                    : $"{r.Entry.UnitName} (giấy phép số {r.Entry.LicenceNumber} hết hạn ngày {ReviewFormat.ShortDate(r.Entry.LicenceExpiresOn!.Value)})")) + "."));
            parts.Add(new Txt("."));
            if (expiring.Count > 0)
                parts.Add(new Txt($" Có {expiring.Count} giấy phép sẽ hết hạn trong thời gian tới, cần chuẩn bị hồ sơ gia hạn: {ReviewFormat.Names(expiring.Select(r => $"{r.Entry.UnitName} (ngày {ReviewFormat.ShortDate(r.Entry.LicenceExpiresOn!.Value)})"))}."));
            w.Para([.. parts]);
        }

        w.Heading("2. Kết quả rà soát việc cung cấp thông tin bắt buộc trên Trang TTĐT");
        w.Heading($"2.1. Kết quả rà soát việc cung cấp thông tin theo {d.Pack.Name}", italic: true);
        var covered = d.Units.Where(u => u.Covered).ToList();
        var evaluated = d.Evaluated.ToList();
        var firstGroup = true;
        foreach (var group in covered.GroupBy(u => u.Row.KindGroup))
        {
            var list = group.ToList();
            var heading = new List<Inline> { new Txt($"- Mức độ cung cấp thông tin của {group.Key}") };
            if (firstGroup) heading.Add(new Note(ScoringNote(d.Pack, t, Fill)));
            heading.Add(new Txt(":"));
            w.Para([.. heading]);
            firstGroup = false;
            for (var i = 0; i < list.Count; i += ChartRows)
            {
                var chunk = list.Skip(i).Take(ChartRows).ToList();
                var title = $"Điểm cung cấp thông tin: {group.Key}" + (list.Count > ChartRows ? $" ({i + 1}–{i + chunk.Count})" : "");
                var png = ScoreChart.Png(title, chunk.Select(u => (u.Name, u.Score)).ToList(), d.Pack.Scheme.Total);
                w.Picture(png, ScoreChart.Width, ScoreChart.HeightFor(chunk.Count),
                    title + ": " + string.Join("; ", chunk.Select(u => $"{u.Name} {u.ScoreText}")));
            }
            w.DataTable(["STT", "Cơ quan, đơn vị", $"Điểm (tối đa {ReviewFormat.Points(d.Pack.Scheme.Total)})"], [10, 65, 25],
                list.Select((u, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), u.Name, u.ScoreText]));
        }
        if (evaluated.Count > 0)
        {
            var average = evaluated.Average(u => u.Score!.Value);
            var good = evaluated.Where(u => u.Score >= t.GoodScore).OrderByDescending(u => u.Score).ToList();
            w.Para($"Có {Of(evaluated.Count, covered.Count)} trang TTĐT đã được đánh giá, điểm trung bình {ReviewFormat.Points(Math.Round(average, 2))}/{ReviewFormat.Points(d.Pack.Scheme.Total)}.");
            w.Para(good.Count > 0
                ? $"Theo đó, một số trang thông tin điện tử cung cấp thông tin cơ bản đáp ứng yêu cầu (từ {ReviewFormat.Points(t.GoodScore)} điểm trở lên): {string.Join(", ", good.Select(u => u.Name))}."
                : $"Chưa có trang thông tin điện tử nào đạt từ {ReviewFormat.Points(t.GoodScore)} điểm trở lên.");
        }
        var measured = evaluated.Where(u => u.Measured is not null).ToList();
        if (measured.Count > 0)
            w.Para($"Trang không đặt trên hệ thống của tỉnh được đánh giá theo kết quả giám sát từ bên ngoài ({Of(measured.Count, covered.Count)} trang): "
                + string.Join("; ", measured.Select(u => $"{u.Name} ({u.Measured!.When})")) + ".");
        var notEvaluated = d.NotEvaluated.ToList();
        if (notEvaluated.Count > 0)
            w.Para(new Txt($"Chưa đánh giá {Of(notEvaluated.Count, covered.Count)} trang TTĐT"), new Note(Fill(t.NotEvaluatedFootnote)),
                new Txt($": {string.Join(", ", notEvaluated.Select(u => u.Name))}."));
        var outside = d.Units.Where(u => !u.Covered).ToList();
        if (outside.Count > 0)
            w.Para($"Gói quy tắc {d.Pack.Id} không chấm điểm loại đơn vị của {outside.Count} trang: {string.Join(", ", outside.Select(u => u.Name))}.");

        w.Heading("2.2. Kết quả rà soát theo từng mục thông tin", italic: true);
        var gaps = new List<(Rule Rule, int Missing)>();
        if (evaluated.Count == 0)
            w.Para("Chưa có kết quả đánh giá của trang TTĐT nào để tổng hợp theo từng mục thông tin.");
        foreach (var heading in evaluated.Count == 0 ? [] : d.Pack.Scheme.Headings)
        {
            var rules = d.Pack.Rules.Where(r => r.Heading == heading.Code && evaluated.Any(u => u.Evaluation!.Check(r.Id) is { Status: not CheckStatus.NotApplicable })).ToList();
            if (rules.Count == 0) continue;
            w.Para(new Txt($"{heading.Code}. {heading.Name} ({ReviewFormat.Points(heading.Points)} điểm)", Bold: true));
            foreach (var rule in rules)
            {
                List<string> Units(CheckStatus status) => evaluated.Where(u => u.Evaluation!.Check(rule.Id)?.Status == status).Select(u => u.Name).ToList();
                var (failed, partly, unsure) = (Units(CheckStatus.Fail), Units(CheckStatus.Partial), Units(CheckStatus.Unknown));
                var (fail, partial, unknown) = (string.Join(", ", failed), string.Join(", ", partly), string.Join(", ", unsure));
                var applicable = evaluated.Count(u => u.Evaluation!.Check(rule.Id) is { Status: not CheckStatus.NotApplicable });
                var missing = evaluated.Count(u => u.Evaluation!.Check(rule.Id)?.Status is CheckStatus.Fail or CheckStatus.Partial);
                gaps.Add((rule, missing));
                var text = $"+ {rule.Title} ({rule.Id}): ";
                text += fail.Length + partial.Length + unknown.Length == 0 ? $"{Of(applicable, applicable)} đơn vị được đánh giá đều đáp ứng."
                    : string.Join("; ", new[]
                    {
                        fail.Length > 0 ? $"chưa có thông tin ({Of(failed.Count, applicable)}): {fail}" : null,
                        partial.Length > 0 ? $"chưa đầy đủ: {partial}" : null,
                        unknown.Length > 0 ? $"chưa xác định: {unknown}" : null,
                    }.Where(x => x is not null)) + ".";
                w.Para(text);
            }
        }
        w.Para(new Txt($"- Có {Of(s.EmcYes, n)} cổng thông tin điện tử, trang thông tin điện tử của Sở, ban, ngành, địa phương được gắn mã giám sát trên Hệ thống giám sát, đo lường mức độ cung cấp và sử dụng dịch vụ Chính phủ số (Hệ thống EMC)"),
            new Note(noEmc.Count == 0 ? "Tất cả các trang TTĐT đã kết nối Hệ thống EMC." : $"Trang TTĐT chưa kết nối Hệ thống EMC: {ReviewFormat.Names(noEmc.Select(r => r.Entry.UnitName))}."), new Txt("."));
        w.Centered("(Kết quả rà soát chi tiết từng cơ quan, đơn vị tại phụ lục gửi kèm)", italic: true);

        w.Heading("3. Tồn tại, hạn chế");
        w.Heading("- Về nội dung thông tin");
        foreach (var p in t.ShortcomingsContent) w.Para(Fill(p));
        var least = gaps.Where(g => g.Missing > 0).OrderByDescending(g => g.Missing).ThenBy(g => g.Rule.Id, StringComparer.Ordinal).Take(3).ToList();
        if (least.Count > 0)
            w.Para("+ Các thông tin ít được cung cấp nhất: " + string.Join("; ", least.Select((g, i) => $"({i + 1}) {g.Rule.Title} ({g.Missing} đơn vị chưa đáp ứng)")) + ".");
        w.Heading("- Hạn chế trong bảo đảm hoạt động cho trang TTĐT");
        foreach (var p in t.ShortcomingsOperation) w.Para("+ " + Fill(p));
        w.Heading("- Về yêu cầu kỹ thuật");
        foreach (var p in t.ShortcomingsTechnical) w.Para("+ " + Fill(p));
        if (s.Hosted < n) w.Para($"+ Hiện {Of(n - s.Hosted, n)} trang TTĐT các Sở, ngành, địa phương chưa là Trang thành phần của Cổng TTĐT tỉnh.");
        w.Para($"+ Có {Of(s.Ipv6Yes, n)} Trang thông tin điện tử của các Sở, ban, ngành, địa phương đã sử dụng địa chỉ Internet IPv6; {Of(s.EmcYes, n)} trang đã kết nối Hệ thống EMC.");

        w.Heading("II. ĐỀ XUẤT, KIẾN NGHỊ");
        w.Heading("1. Kiến nghị Ủy ban nhân dân tỉnh");
        w.Para("Trên cơ sở kết quả rà soát nêu trên, Sở Thông tin và Truyền thông kiến nghị UBND tỉnh xem xét, chỉ đạo:");
        foreach (var p in t.RecommendationsProvince) w.Para("+ " + Fill(p));
        w.Heading("2. Đề nghị các sở, ban, ngành, địa phương");
        foreach (var p in t.RecommendationsUnits) w.Para("- " + Fill(p));
        var weak = evaluated.Where(u => u.Score < t.GoodScore).OrderBy(u => u.Score).ToList();
        if (weak.Count > 0)
            w.Para($"- Các đơn vị có điểm dưới {ReviewFormat.Points(t.GoodScore)} ({string.Join(", ", weak.Select(u => $"{u.Name}: {u.ScoreText}"))}) bổ sung ngay các mục thông tin còn thiếu theo phụ lục.");
        if (noIpv6.Count + noEmc.Count > 0)
            w.Para("- Các cơ quan, đơn vị hiện chưa kết nối EMC, chưa chuyển đổi IPv6 khẩn trương thực hiện" +
                (noIpv6.Count > 0 ? $"; chưa chuyển đổi IPv6: {string.Join(", ", noIpv6.Select(r => r.Entry.UnitName))}" : "") +
                (noEmc.Count > 0 ? $"; chưa kết nối EMC: {string.Join(", ", noEmc.Select(r => r.Entry.UnitName))}" : "") + ".");
        if (notValid.Count > 0)
            w.Para($"- Đề nghị các đơn vị {string.Join("; ", notValid.Select(r => r.Entry.UnitName))} nhanh chóng làm hồ sơ để được cấp giấy phép thiết lập trang thông tin điện tử tổng hợp trên môi trường mạng (hiện qua rà soát, các Trang TTĐT của đơn vị đang thực hiện cung cấp thông tin tổng hợp).");
        if (expiring.Count > 0)
            w.Para($"- Các đơn vị {string.Join("; ", expiring.Select(r => r.Entry.UnitName))} chuẩn bị hồ sơ gia hạn giấy phép trước ngày hết hạn.");
        w.Para(Fill(t.Closing));

        w.LayoutTable([
            ([new Txt("Nơi nhận:", Bold: true, Italic: true), .. t.Recipients.Select(r => new Txt("- " + Fill(r)))],
             [new Txt(t.SignerTitle, Bold: true), new Txt(""), new Txt(""), new Txt(""), new Txt(t.SignerName, Bold: true)]),
        ], leftPercent: 50, leftAlign: W.JustificationValues.Left);
        return w.Finish();
    }

    /// <summary>The scoring method (seed 000's footnote 7), from the pack's own scheme.</summary>
    private static string ScoringNote(RulePack pack, ReviewTemplate t, Func<string, string> fill) =>
        fill(t.ScoringFootnote) + " " + string.Join("; ", pack.Scheme.Headings.Select(h => $"{h.Code}. {h.Name} = tối đa {ReviewFormat.Points(h.Points)} điểm"))
        + $"; tổng tối đa {ReviewFormat.Points(pack.Scheme.Total)} điểm. {pack.Note}";
}
