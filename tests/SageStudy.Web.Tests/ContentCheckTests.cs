using Microsoft.Extensions.Configuration;
using SageStudy.Web.Indexing;

namespace SageStudy.Web.Tests;

/// <summary>`check [folder]`: every problem as path:line: message, and an exit code a git hook can use.</summary>
public class ContentCheckTests
{
    private static (int ExitCode, string Output) Check(string folder)
    {
        var output = new StringWriter();
        var exitCode = ContentCheck.Run(["check", folder], new ConfigurationBuilder().Build(), output);
        return (exitCode, output.ToString());
    }

    [Fact]
    public void A_clean_folder_exits_zero()
    {
        using var portal = new PortalFactory().WithNote("a.md", "# A\n\n## One\n\n[b](b.md#two)\n").WithNote("b.md", "# B\n\n## Two\n");

        var (exitCode, output) = Check(portal.ContentRoot);

        Assert.Equal(0, exitCode);
        Assert.Contains("2 notes", output);
        Assert.Contains("no problems", output);
    }

    [Fact]
    public void Every_problem_is_printed_with_path_and_line_and_the_exit_code_is_one()
    {
        using var portal = new PortalFactory()
            .WithNote("a.md", "# A\n\n[gone](missing.md)\n\n[anchor](b.md#nowhere)\n")
            .WithNote("b.md", "# B\n")
            .WithNote("quiz/a.md", "## q-one\nSection: a#no-such-section\n\nWhy?\n\n- [x] Because\n- [ ] No\n")
            .WithFile("bad.md", [0xFF, 0xFE]);

        var (exitCode, output) = Check(portal.ContentRoot);

        Assert.Equal(1, exitCode);
        Assert.Contains("a.md:3: Broken link to missing.md", output);
        Assert.Contains("a.md:5: Broken anchor in b.md#nowhere", output);
        Assert.Contains("quiz/a.md:1: ", output);
        Assert.Contains("bad.md: The file is not UTF-8", output);
    }
}
