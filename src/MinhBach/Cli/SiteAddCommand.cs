using System.CommandLine;
using MinhBach.Features.Sites;
using MinhBach.Hosting;

namespace MinhBach.Cli;

internal static class SiteAddCommand
{
    public static Command Create()
    {
        var cmd = new Command("add", "Thêm một trang thành phần (không cần khởi động lại máy chủ).") { TreatUnmatchedTokensAsErrors = false };
        var slug = new Option<string>("--slug") { Description = "Đường dẫn, ví dụ so-khcn (để trống với --portal)" };
        var portal = new Option<bool>("--portal") { Description = "Tạo cổng tỉnh (trang gốc, không có đường dẫn riêng)" };
        var name = new Option<string>("--name") { Description = "Tên tiếng Việt đầy đủ", Required = true };
        var nameEn = new Option<string?>("--name-en") { Description = "Tên tiếng Anh" };
        var kind = new Option<string>("--kind") { Description = "Loại đơn vị (data/agency-kinds.json)", Required = true };
        var parent = new Option<string?>("--parent") { Description = "Đường dẫn của trang cha (mặc định: cổng tỉnh)" };
        var hosts = new Option<string[]>("--host") { Description = "Tên miền (có thể lặp lại)" };
        cmd.Options.Add(slug);
        cmd.Options.Add(portal);
        cmd.Options.Add(name);
        cmd.Options.Add(nameEn);
        cmd.Options.Add(kind);
        cmd.Options.Add(parent);
        cmd.Options.Add(hosts);
        cmd.SetAction(async (pr, ct) =>
        {
            await using var app = WebHost.Build([.. pr.UnmatchedTokens]);
            if (!await CommandLine.EnsureMigratedAsync(app.Services, migrate: false, ct)) return 4;
            using var scope = app.Services.CreateScope();
            var registry = scope.ServiceProvider.GetRequiredService<SiteRegistry>();
            if (pr.GetValue(portal) == !string.IsNullOrEmpty(pr.GetValue(slug)))
            {
                Console.Error.WriteLine("Lỗi: cần --slug cho trang thành phần, hoặc --portal (không kèm --slug) cho cổng tỉnh.");
                return 2;
            }
            var request = new SiteRegistry.NewSite(pr.GetValue(slug) ?? "", pr.GetValue(name)!, pr.GetValue(nameEn), pr.GetValue(kind)!,
                pr.GetValue(parent), pr.GetValue(hosts) ?? []);
            try
            {
                var site = await registry.AddAsync(request, ct);
                Console.WriteLine($"Đã thêm trang \"{site.Name}\" tại {(site.Slug.Length == 0 ? "/" : $"/{site.Slug}/")}");
                return 0;
            }
            catch (SiteValidationException e)
            {
                Console.Error.WriteLine("Không thêm được trang:\n- " + string.Join("\n- ", e.Errors));
                return 2;
            }
        });
        return cmd;
    }
}
