using System.Text;
using MinhBach.Text;

namespace MinhBach.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đà Nẵng", "da nang")]
    [InlineData("ĐẮK LẮK", "dak lak")]
    [InlineData("thủ tục hành chính", "thu tuc hanh chinh")]
    [InlineData("Thừa Thiên Huế", "thua thien hue")]
    [InlineData("Nghị định 42/2022/NĐ-CP", "nghi dinh 42/2022/nd-cp")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_removes_marks_and_folds_d_with_stroke(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Theory]
    [InlineData("Đà Nẵng")]
    [InlineData("ĐẮK LẮK")]
    [InlineData("Trưởng ban biên tập Cổng thông tin điện tử tỉnh")]
    public void Fold_gives_the_same_result_for_decomposed_and_composed_input(string text)
    {
        var nfd = text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(text, nfd);
        Assert.Equal(VietnameseText.Fold(text.Normalize(NormalizationForm.FormC)), VietnameseText.Fold(nfd));
    }

    [Fact]
    public void Search_finds_a_phrase_typed_with_or_without_diacritics() =>
        Assert.Equal(VietnameseText.Fold("thu tuc hanh chinh"), VietnameseText.Fold("Thủ Tục Hành Chính"));

    [Theory]
    [InlineData("Thủ tục hành chính", "thu-tuc-hanh-chinh")]
    [InlineData("  Sở Khoa học và Công nghệ  ", "so-khoa-hoc-va-cong-nghe")]
    [InlineData("Quyết định số 15/2025/QĐ-UBND!", "quyet-dinh-so-15-2025-qd-ubnd")]
    [InlineData("Đường -- dẫn", "duong-dan")]
    [InlineData("???", "")]
    public void Slugify_makes_readable_addresses(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(input));

    [Fact]
    public void Slugify_cuts_at_the_maximum_length_without_a_trailing_dash()
    {
        var slug = VietnameseText.Slugify("Kế hoạch phát triển kinh tế xã hội năm năm", maxLength: 12);
        Assert.Equal("ke-hoach-pha", slug);
        Assert.Equal("ke-hoach", VietnameseText.Slugify("Kế hoạch phát triển", maxLength: 9));
    }

    [Theory]
    [InlineData(1715875, "1.715.875")]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1000, "1.000")]
    [InlineData(-25000, "-25.000")]
    public void FormatNumber_groups_thousands_with_dots(long n, string expected) =>
        Assert.Equal(expected, VietnameseText.FormatNumber(n));
}
