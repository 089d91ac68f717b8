using System.CommandLine;
using MinhBach.Features.Sites;
using MinhBach.Hosting;

namespace MinhBach.Cli;

/// <summary>`site set SLUG --option value …`: the settings shown in a site's header and footer, and its EMC tag.</summary>
internal static class SiteSetCommand
{
    public static Command Create()
    {
        var cmd = new Command("set", "Sửa thông tin của một trang (tên, chân trang, giấy phép, giao diện, mã EMC).") { TreatUnmatchedTokensAsErrors = false };
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
        cmd.SetAction(async (pr, ct) =>
        {
            string? V(string name) => pr.GetValue(opts.First(o => o.Name == name));
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
