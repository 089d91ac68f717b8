using System.Diagnostics;

namespace MinhBach.Tests.Consultations;

/// <summary>LibreOffice in headless mode: opens a document the app wrote and converts it to PDF, proving that an office
/// suite reads it. Missing soffice fails the test with the reason (./minhbach test installs libreoffice-writer-nogui).</summary>
public static class LibreOffice
{
    public static string Soffice()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/lib/libreoffice/program"))
        {
            var candidate = Path.Combine(dir, "soffice");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail("LibreOffice (soffice) is not installed, so the DOCX cannot be proved valid: ./minhbach test installs it " +
            "(Debian package libreoffice-writer-nogui), or install it with apt-get.");
        return "";
    }

    /// <summary>Converts the bytes (saved as name) to PDF and returns the PDF's bytes; fails with soffice's output otherwise.</summary>
    public static async Task<byte[]> ToPdfAsync(byte[] document, string name)
    {
        var soffice = Soffice();
        var dir = Directory.CreateTempSubdirectory("minhbach-soffice-");
        try
        {
            var input = Path.Combine(dir.FullName, name);
            await File.WriteAllBytesAsync(input, document);
            var profile = new Uri(Path.Combine(dir.FullName, "profile")).AbsoluteUri;
            var psi = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir.FullName,
            };
            foreach (var a in new[] { $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.FullName, input })
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("soffice did not finish converting the document to PDF within 3 minutes.");
            }
            var pdf = Path.Combine(dir.FullName, Path.GetFileNameWithoutExtension(name) + ".pdf");
            Assert.True(process.ExitCode == 0 && File.Exists(pdf),
                $"soffice could not convert {name} to PDF (exit {process.ExitCode}): {await stdout} {await stderr}");
            return await File.ReadAllBytesAsync(pdf);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
