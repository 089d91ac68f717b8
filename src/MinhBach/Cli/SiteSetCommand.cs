using System.CommandLine;
using MinhBach.Features.Sites;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`site set SLUG --option value …`: the settings shown in a site's header and footer, and its EMC tag.</summary>
internal static class SiteSetCommand
{
    public static Command Create()
    {
        var cmd = new Command("set", "Sửa thông tin của một trang (tên, chân trang, giấy phép, giao diện, mã EMC, bộ đếm và số lượt truy cập trước đây).") { TreatUnmatchedTokensAsErrors = false };
        var slug = new Argument<string>("slug") { Description = "Đường dẫn của trang; dùng \"/\" cho cổng tỉnh" };
        cmd.Arguments.Add(slug);
        var options = new (string Name, string Description)[]
        {
            ("--name", "Tên trang"), ("--agency-name", "Tên đầy đủ của cơ quan"), ("--name-en", "Tên tiếng Anh"),
            ("--managing-agency", "Cơ quan chủ quản"), ("--address", "Địa chỉ"), ("--phone", "Điện thoại"), ("--fax", "Fax"),
            ("--email", "Email"), ("--responsible", "Người chịu trách nhiệm chính"), ("--responsible-title", "Chức vụ người chịu trách nhiệm"),
            ("--licence", "Dòng giấy phép (để trống để bỏ)"), ("--theme", "Giao diện: do, xanh, luc, tim"), ("--emc-site-id", "Mã trang trên hệ thống EMC"),
        };
        var opts = options.Select(o => new Option<string?>(o.Name) { Description = o.Description }).ToList();
        opts.ForEach(cmd.Options.Add);
        var emc = new Option<bool?>("--emc") { Description = "Bật (true) hoặc tắt (false) mã theo dõi EMC" };
        cmd.Options.Add(emc);
        var counter = new Option<bool?>("--visit-counter") { Description = "Hiện (true) hoặc ẩn (false) bộ đếm lượt truy cập ở chân trang" };
        var visitsBefore = new Option<string?>("--visits-before") { Description = "Số lượt truy cập đếm ở hệ thống cũ (cộng vào tổng từ khi bắt đầu)" };
        var visitsBeforeDate = new Option<string?>("--visits-before-date") { Description = "Ngày cuối cùng mà số lượt đó tính đến (yyyy-mm-dd hoặc dd/mm/yyyy)" };
        foreach (var o in new Option[] { counter, visitsBefore, visitsBeforeDate }) cmd.Options.Add(o);
        cmd.SetAction(async (pr, ct) =>
        {
            string? V(string name) => pr.GetValue(opts.First(o => o.Name == name));
            long? before = null;
            if (pr.GetValue(visitsBefore) is { } vb)
            {
                // People write 53.028.922 or 53,028,922 as in the reports.
                if (!long.TryParse(vb.Replace(".", "").Replace(",", "").Replace(" ", ""), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    Console.Error.WriteLine($"Lỗi: số lượt truy cập \"{vb}\" không hợp lệ: hãy ghi một số nguyên không âm, ví dụ 53028922.");
                    return 2;
                }
                before = n;
            }
            DateOnly? beforeDate = null;
            if (pr.GetValue(visitsBeforeDate) is { } vd)
            {
                if (!Features.Statistics.ReportPeriod.TryParseDate(vd, out var d))
                {
                    Console.Error.WriteLine($"Lỗi: ngày \"{vd}\" không hợp lệ: hãy ghi yyyy-mm-dd hoặc dd/mm/yyyy.");
                    return 2;
                }
                beforeDate = d;
            }
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var registry = scope.ServiceProvider.GetRequiredService<SiteRegistry>();
            var target = pr.GetValue(slug)!.Trim('/');
            try
            {
                var site = await registry.UpdateAsync(target, new SiteSettings
                {
                    Name = V("--name"), AgencyName = V("--agency-name"), NameEn = V("--name-en"), ManagingAgency = V("--managing-agency"),
                    Address = V("--address"), Phone = V("--phone"), Fax = V("--fax"), Email = V("--email"),
                    ResponsiblePerson = V("--responsible"), ResponsiblePersonTitle = V("--responsible-title"), LicenceLine = V("--licence"),
                    Theme = V("--theme"), EmcSiteId = V("--emc-site-id"), EmcEnabled = pr.GetValue(emc),
                    ShowVisitCounter = pr.GetValue(counter), VisitsBefore = before, VisitsBeforeDate = beforeDate,
                }, ct: ct);
                Console.WriteLine($"Đã cập nhật trang \"{site.Name}\".");
                return 0;
            }
            catch (SiteValidationException e)
            {
                Console.Error.WriteLine("Không cập nhật được trang:\n- " + string.Join("\n- ", e.Errors));
                return 2;
            }
        });
        return cmd;
    }
}
