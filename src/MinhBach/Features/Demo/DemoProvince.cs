using MinhBach.Data;

namespace MinhBach.Features.Demo;

/// <summary>Seeds the fictional demo province. (Being written.)</summary>
public sealed class DemoProvince(AppDb db, TimeProvider clock)
{
    public const string AccountsNotice = "Tài khoản demo: phần quản trị sẽ có ở bản sau.";

    public Task SeedAsync(IProgress<string> progress, CancellationToken ct)
    {
        _ = db; _ = clock; _ = progress; _ = ct;
        return Task.CompletedTask;
    }
}
