using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MinhBach.Features.Admin;

/// <summary>The administration's extra routes ("…/moi" opens an editor empty) and model binding messages in Vietnamese.</summary>
public static class AdminSetup
{
    /// <summary>Editor page → the address that creates a new row with it.</summary>
    private static readonly (string Page, string Route)[] NewRoutes =
    [
        ("/Admin/Categories/CategoryEdit", "quan-tri/chuyen-muc/moi"),
        ("/Admin/IntroPages/IntroPageEdit", "quan-tri/trang-gioi-thieu/moi"),
        ("/Admin/OrgChart/OrgUnitEdit", "quan-tri/co-cau-to-chuc/moi"),
        ("/Admin/Leaders/LeaderEdit", "quan-tri/lanh-dao/moi"),
        ("/Admin/Contacts/ContactEdit", "quan-tri/dau-moi/moi"),
        ("/Admin/Docs/DocumentEdit", "quan-tri/van-ban/moi"),
        ("/Admin/WorkSchedule/ScheduleEdit", "quan-tri/lich-cong-tac/moi"),
        ("/Admin/Links/LinkEdit", "quan-tri/lien-ket/moi"),
        ("/Admin/Registry/RegistryEdit", "quan-tri/so-theo-doi/moi"),
    ];

    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var (page, route) in NewRoutes) o.Conventions.AddPageRoute(page, route);
        });
        services.Configure<MvcOptions>(o =>
        {
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" của mục {field} không hợp lệ.");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
            m.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của mục {field} không hợp lệ.");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị nhập không hợp lệ.");
            m.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
            m.SetValueMustBeANumberAccessor(field => $"Mục {field} phải là một số.");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
            m.SetValueMustNotBeNullAccessor(value => $"Giá trị \"{value}\" không được để trống.");
            m.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị của mục {field}.");
            m.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung gửi lên.");
        });
        return services;
    }
}
