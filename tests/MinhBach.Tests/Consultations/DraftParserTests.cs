using MinhBach.Features.Consultations;

namespace MinhBach.Tests.Consultations;

/// <summary>The draft's text split into articles, clauses and points as the public page shows them.</summary>
public sealed class DraftParserTests
{
    [Fact]
    public void A_draft_splits_into_its_articles_clauses_and_points_with_the_chapters_before_them()
    {
        var d = DraftParser.Parse(ConsultWorld.DraftText);

        Assert.Empty(d.Errors);
        Assert.Empty(d.Warnings);
        Assert.Equal([1, 2, 3, 4], d.Articles.Select(a => a.Number));
        Assert.Equal(["Phạm vi điều chỉnh", "Đối tượng áp dụng", "Thời hạn xử lý", "Công khai kết quả"], d.Articles.Select(a => a.Title));
        Assert.Equal(["Chương I QUY ĐỊNH CHUNG"], d.Articles[0].Headings);
        Assert.Equal(["Chương II TIẾP NHẬN VÀ XỬ LÝ"], d.Articles[2].Headings);
        Assert.StartsWith("Quy chế này quy định", Assert.Single(d.Articles[0].Intro));
        Assert.Equal([1, 2, 3], d.Articles[1].Clauses.Select(c => c.Number));
        var deadline = d.Articles[2];
        Assert.Equal(["a", "b"], deadline.Clauses[0].Points.Select(p => p.Letter));
        Assert.StartsWith("05 ngày làm việc", deadline.Clauses[0].Points[0].Paragraphs[0]);
        Assert.Equal("dieu-3-khoan-1-diem-a", Anchors.Point(3, 1, "a"));
        Assert.Equal("dieu-3-khoan-1-diem-d", Anchors.Point(3, 1, "đ"));
        Assert.Contains("Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022 của Chính phủ;", d.Preamble);
        // The recipients and the signature are not part of the last article.
        Assert.Equal("Nơi nhận:", d.Closing[0]);
        Assert.Contains("CHỦ TỊCH", d.Closing);
        Assert.DoesNotContain(d.Articles[3].Intro, l => l.Contains("Nơi nhận"));

        Assert.True(d.Has(null, null));
        Assert.True(d.Has(3, 2));
        Assert.False(d.Has(3, 3));
        Assert.False(d.Has(9, null));
    }

    [Fact]
    public void A_mention_of_an_article_in_a_sentence_is_not_an_article_and_capitals_colons_and_tabs_are_read()
    {
        var d = DraftParser.Parse("ĐIỀU 1: PHẠM VI\nĐiều 5 của Luật này được áp dụng.\n1.\tKhoản một.\nĐiều 2.\n2. Không phải khoản đầu\n1. Khoản đầu");
        Assert.Equal([1, 2], d.Articles.Select(a => a.Number));
        Assert.Equal("PHẠM VI", d.Articles[0].Title);
        Assert.Equal("Điều 5 của Luật này được áp dụng.", Assert.Single(d.Articles[0].Intro));
        Assert.Equal("Khoản một.", d.Articles[0].Clauses[0].Paragraphs[0]);
        // Numbering that does not start at 1 is text, not a clause.
        Assert.Equal("", d.Articles[1].Title);
        Assert.Equal(["2. Không phải khoản đầu"], d.Articles[1].Intro);
        Assert.Equal(1, Assert.Single(d.Articles[1].Clauses).Number);
    }

    [Fact]
    public void Two_articles_with_one_number_are_an_error_a_gap_or_no_article_a_warning()
    {
        var dup = DraftParser.Parse("Điều 1. Một\nĐiều 2. Hai\nĐiều 2. Hai nữa");
        Assert.Contains(dup.Errors, e => e.StartsWith("Điều 2 xuất hiện hai lần (dòng 2 và dòng 3)", StringComparison.Ordinal));

        var gap = DraftParser.Parse("Điều 1. Một\nĐiều 3. Ba");
        Assert.Empty(gap.Errors);
        Assert.Contains("Sau Điều 1 là Điều 3: số điều không liên tiếp, hãy kiểm tra toàn văn.", gap.Warnings);

        var none = DraftParser.Parse("Kế hoạch tổ chức hội nghị\nNội dung chính của kế hoạch.");
        Assert.Empty(none.Articles);
        Assert.Contains(none.Warnings, w => w.StartsWith("Không tìm thấy điều nào", StringComparison.Ordinal));
        Assert.Equal(2, none.Preamble.Count);
    }
}
