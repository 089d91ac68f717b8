using System.Net;
using MinhBach.Features.Documents.Extraction;
using MinhBach.Tests.Infrastructure;
using Microsoft.Playwright;
using CatalogueData = MinhBach.Features.Catalogue.Catalogue;

namespace MinhBach.Tests.Documents;

/// <summary>
/// A PDF as office software prints it: subset fonts embedded as CID fonts (Type0, Identity-H) with a ToUnicode map,
/// glyphs placed by a text shaper. PdfPig's own builder writes simple TrueType fonts, so the decision is printed by
/// Chromium (the same Skia PDF output as many "Save as PDF" paths) in the Noto fonts.
/// </summary>
public sealed class PrintedPdfTests
{
    private static string Html()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        return $$"""
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
              body { font-family: 'Noto Serif', serif; font-size: 13pt; margin: 0; }
              table { width: 100%; border-collapse: collapse; } td { vertical-align: top; text-align: center; padding: 0; }
              .h { text-align: center; font-weight: bold; } p { margin: 0 0 6pt; text-align: justify; }
              .sign td { text-align: left; font-size: 11pt; } .sign td + td { text-align: center; font-size: 13pt; font-weight: bold; }
            </style></head><body>
            <table><tr><td style="width:38%">{{E(SampleDecision.Issuer[0])}}<br><b>{{E(SampleDecision.Issuer[1])}}</b></td>
              <td><b>{{E(SampleDecision.Motto[0])}}</b><br><b>{{E(SampleDecision.Motto[1])}}</b></td></tr>
              <tr><td style="padding-top:8pt">{{E(SampleDecision.Number)}}</td><td style="padding-top:8pt"><i>{{E(SampleDecision.PlaceAndDate)}}</i></td></tr></table>
            <div class="h" style="margin-top:24pt">{{E(SampleDecision.Heading)}}</div>
            <div class="h" style="margin: 0 60pt">{{E(SampleDecision.Summary)}}</div>
            <div class="h" style="margin-top:24pt">{{E(SampleDecision.Authority)}}</div>
            {{string.Concat(SampleDecision.Body.Select(p => $"<p>{E(p)}</p>"))}}
            <div class="h">{{E(SampleDecision.Decides)}}</div>
            {{string.Concat(SampleDecision.Articles.Select(p => $"<p>{E(p)}</p>"))}}
            <table class="sign"><tr><td style="width:50%">{{string.Join("<br>", SampleDecision.Recipients.Select(E))}}</td>
              <td>{{E(SampleDecision.Signature[0])}}<br>{{E(SampleDecision.Signature[1])}}<br><br><br><br>{{E(SampleDecision.Signer)}}</td></tr></table>
            </body></html>
            """;
    }

    [BrowserFact]
    public async Task A_decision_printed_to_pdf_with_cid_fonts_reads_back_with_its_diacritics()
    {
        var (playwright, browser) = await Browsers.LaunchAsync();
        byte[] pdf;
        try
        {
            var page = await browser.NewPageAsync();
            await page.SetContentAsync(Html());
            pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Margin = new Margin { Top = "20mm", Bottom = "20mm", Left = "30mm", Right = "15mm" },
            });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
        Assert.Contains("/Type0", System.Text.Encoding.Latin1.GetString(pdf)); // CID-keyed fonts, as Word writes

        var extracted = new DocumentTextExtractor().Extract(pdf, "qd-123.pdf");

        Assert.Null(extracted.Problem);
        var lines = extracted.Text.Split('\n');
        Assert.Contains("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", lines);
        Assert.Contains("TỈNH ĐÔNG MINH\tĐộc lập - Tự do - Hạnh phúc", lines);
        Assert.Contains("Số: 123/QĐ-UBND\tĐông Minh, ngày 15 tháng 3 năm 2025", lines);
        Assert.Contains(SampleDecision.Articles[1][..60], extracted.Text);

        var p = new DocumentProposer(CatalogueData.Load(Repository.DataDirectory)).Propose(extracted);

        Assert.Equal("123/QĐ-UBND", p.Number?.Value);
        Assert.Equal("quyet-dinh", p.TypeCode?.Value);
        Assert.Equal("UBND tỉnh Đông Minh", p.IssuingBody?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.IssuedOn?.Value);
        Assert.Equal(SampleDecision.Summary, p.Summary?.Value);
        Assert.Equal(new DateOnly(2025, 3, 15), p.EffectiveOn?.Value);
        Assert.Equal("Nguyễn Văn An", p.Signer?.Value);
        Assert.Equal("1234/QĐ-UBND", Assert.Single(p.Related).Value.Number);
    }
}
