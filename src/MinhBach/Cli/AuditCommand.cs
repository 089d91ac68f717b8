using System.CommandLine;
using System.Globalization;
using System.Text;
using MinhBach.Features.Compliance;
using MinhBach.Features.Monitor;
using MinhBach.Features.Monitor.Net;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`audit URL…`: audits websites from outside (hosted here or not) and prints the evaluation, JSON or a table.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var cmd = new Command("audit", "Rà soát trang thông tin điện tử từ bên ngoài (trang do cổng lưu trữ hay không) theo gói quy tắc.") { TreatUnmatchedTokensAsErrors = false };
        var urls = new Argument<string[]>("url") { Arity = ArgumentArity.OneOrMore, Description = "Địa chỉ trang cần rà soát, ví dụ https://sokhcn.dongminh.gov.vn" };
        var pack = new Option<string?>("--pack") { Description = "Mã gói quy tắc (mặc định: gói đang có hiệu lực)" };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON (cùng dạng với compliance --json)" };
        var deep = new Option<bool>("--deep") { Description = "Rà soát sâu: đọc nhiều trang và bài hơn, thử mọi đường dẫn" };
        var resolve = new Option<string[]>("--resolve") { Description = "TÊN-MIỀN:ĐỊA-CHỈ-IP dùng thay DNS (lặp lại được)", AllowMultipleArgumentsPerToken = false };
        var dns = new Option<string?>("--dns-server") { Description = "Máy chủ DNS để tra tên miền, ĐỊA-CHỈ[:CỔNG]" };
        var ca = new Option<string[]>("--ca-cert") { Description = "Tin cậy thêm chứng chỉ gốc này (tệp PEM hoặc DER; lặp lại được)" };
        var now = new Option<string?>("--now") { Description = "Đánh giá mức cập nhật tính đến ngày này (yyyy-MM-dd)" };
        var kind = new Option<string?>("--kind") { Description = "Loại đơn vị (provincial-portal, department, commune …); mặc định đoán theo tên miền" };
        var province = new Option<string?>("--province") { Description = "Tên tỉnh, để kiểm tra quy tắc tên miền, ví dụ \"Đông Minh\"" };
        var name = new Option<string?>("--name") { Description = "Tên đơn vị hiển thị trong kết quả (khi rà soát một trang)" };
        var ignoreRobots = new Option<bool>("--ignore-robots") { Description = "Bỏ qua robots.txt (chỉ khi được đơn vị đồng ý)" };
        var connectPort = new Option<string[]>("--connect-port") { Description = "CỔNG:CỔNG-THẬT, nối tới cổng khác với địa chỉ (máy chủ thử nghiệm)" };
        var noSave = new Option<bool>("--no-save") { Description = "Không lưu lần rà soát vào lịch sử" };
        cmd.Arguments.Add(urls);
        foreach (var o in new Option[] { pack, json, deep, resolve, dns, ca, now, kind, province, name, ignoreRobots, connectPort, noSave }) cmd.Options.Add(o);

        cmd.SetAction(async (pr, ct) =>
        {
            var errors = new List<string>();
            var targets = new List<Uri>();
            // Settings for the host (--Monitor:TimeoutSeconds=20, --ConnectionStrings:…) land among the addresses.
            var hostArgs = pr.UnmatchedTokens.ToList();
            foreach (var raw in pr.GetValue(urls) ?? [])
            {
                if (raw.StartsWith("--", StringComparison.Ordinal)) { hostArgs.Add(raw); continue; }
                var text = raw.Trim();
                if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
                if (Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.Host.Length > 0 && u.UserInfo.Length == 0
                    && (Uri.CheckHostName(u.Host) is UriHostNameType.IPv4 or UriHostNameType.IPv6 || Uri.CheckHostName(u.Host) == UriHostNameType.Dns && u.Host.Contains('.') && !u.Host.EndsWith('.')))
                    targets.Add(u);
                else errors.Add($"\"{raw}\" không phải địa chỉ trang web (ví dụ: https://sokhcn.dongminh.gov.vn).");
            }
            DateOnly? on = null;
            if (pr.GetValue(now) is { } n)
            {
                if (DateOnly.TryParseExact(n, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) on = d;
                else errors.Add($"--now \"{n}\" không đúng dạng yyyy-MM-dd.");
            }
            var network = AuditNetwork.Parse(pr.GetValue(resolve) ?? [], pr.GetValue(dns), pr.GetValue(ca) ?? [], pr.GetValue(connectPort) ?? [], errors);
            if (targets.Count == 0 && errors.Count == 0) errors.Add("chưa có địa chỉ trang nào để rà soát.");
            if (pr.GetValue(name) is { } && targets.Count > 1) errors.Add("--name chỉ dùng khi rà soát một trang.");
            if (errors.Count > 0)
            {
                foreach (var e in errors) Console.Error.WriteLine("Lỗi: " + e);
                return 2;
            }

            await using var app = WebHost.Build([.. hostArgs, "--Scheduling:Enabled=false"]);
            var save = !pr.GetValue(noSave);
            if (save && !await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            var catalogue = app.Services.GetRequiredService<Features.Catalogue.Catalogue>();
            if (pr.GetValue(kind) is { } k && catalogue.Kind(k) is null)
            {
                Console.Error.WriteLine($"Lỗi: --kind \"{k}\" không phải loại đơn vị nào ({string.Join(", ", catalogue.AgencyKinds.Select(x => x.Code))}).");
                return 2;
            }
            var monitor = app.Services.GetRequiredService<MonitorService>();
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var today = on ?? Features.Public.VnTime.Today(clock);
            RulePack? chosen = null;
            if (pr.GetValue(pack) is { } packId)
            {
                chosen = monitor.Pack(packId);
                if (chosen is null)
                {
                    Console.Error.WriteLine($"Lỗi: không có gói quy tắc \"{packId}\" (có: {string.Join(", ", monitor.Packs.Select(p => p.Id))}).");
                    return 2;
                }
            }
            else chosen = monitor.Pack(null);

            var outcomes = await monitor.RunAsync(
                targets.Select(u => new AuditTarget(u) { KindCode = pr.GetValue(kind), Province = pr.GetValue(province), Name = pr.GetValue(name), IgnoreRobots = pr.GetValue(ignoreRobots) }).ToList(),
                new AuditRunSettings(network, chosen, pr.GetValue(deep), today)
                {
                    Save = save,
                    Progress = pr.GetValue(json) ? null : new Progress<string>(line => Console.Error.WriteLine("… " + line)),
                }, ct);

            if (pr.GetValue(json))
                Console.WriteLine(EvaluationJson.Write(new Evaluation(chosen?.Id ?? "", clock.GetUtcNow().UtcDateTime, outcomes.Select(o => o.Evaluation).ToList())));
            else
                Console.WriteLine(Table(outcomes, chosen, today));
            return 0;
        });
        return cmd;
    }

    public static string Status(CheckStatus s) => s switch
    {
        CheckStatus.Pass => "đạt",
        CheckStatus.Partial => "một phần",
        CheckStatus.Fail => "không đạt",
        CheckStatus.NotApplicable => "không áp dụng",
        _ => "chưa rõ",
    };

    private static string Num(decimal d) => d.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));

    private static string Table(IReadOnlyList<AuditOutcome> outcomes, RulePack? pack, DateOnly today)
    {
        var sb = new StringBuilder();
        sb.AppendLine(pack is null
            ? $"Rà soát ngày {today:dd/MM/yyyy}, chưa có gói quy tắc: điểm là tỷ lệ các mục đạt, mỗi mục như nhau."
            : $"Rà soát ngày {today:dd/MM/yyyy} theo gói {pack.Id}: {pack.Name}.");
        foreach (var o in outcomes)
        {
            var e = o.Evaluation;
            sb.AppendLine();
            sb.AppendLine($"{e.Url}  {e.Name} ({e.Kind})  {Num(e.Score)}/100 điểm  [{o.Audit.PagesRead} trang đã đọc]");
            sb.AppendLine($"  {"Mã",-8}{"Kết quả",-15}{"Điểm",-12}Nội dung");
            foreach (var c in e.Checks)
            {
                var points = c.MaxPoints > 0 ? $"{Num(c.Points)}/{Num(c.MaxPoints)}" : "";
                sb.AppendLine($"  {c.Id,-8}{Status(c.Status),-15}{points,-12}{c.Title}");
                if (c.Status != CheckStatus.NotApplicable) sb.AppendLine($"          {c.Evidence}");
            }
            if (o.Previous is { } prev)
            {
                sb.AppendLine($"  Thay đổi so với lần trước ({prev.StartedAt:dd/MM/yyyy HH:mm} UTC, {Num(prev.Score)} điểm → {Num(e.Score)} điểm):");
                if (o.Changes.Count == 0) sb.AppendLine("    không có mục nào thay đổi.");
                foreach (var ch in o.Changes)
                    sb.AppendLine($"    {ch.Id} {ch.Title}: {(ch.Before is { } b ? Status(b) : "chưa có")} → {Status(ch.After)}" +
                        (ch.PointsDelta == 0 ? "" : $" ({(ch.PointsDelta > 0 ? "+" : "")}{Num(ch.PointsDelta)} điểm)"));
            }
        }
        return sb.ToString();
    }
}
