using System.Text;

namespace SageStudy.Content.Tests;

/// <summary>Titles, prompts and options are shown on one line, however the note wrapped them.</summary>
public class WhitespaceTests
{
    [Theory]
    [InlineData("  Managed\tSpot \r\n Training  ", "Managed Spot Training")]
    [InlineData("\u00a0Batch\u2003Transform\n", "Batch Transform")]
    [InlineData(" \n\t ", "")]
    public void Collapses_every_run_of_whitespace_to_one_space_and_trims(string text, string expected)
    {
        Assert.Equal(expected, Whitespace.Collapse(text));
        Assert.Equal(expected, Whitespace.Collapse(new StringBuilder(text)));
    }

    [Fact]
    public void A_builder_grown_in_several_chunks_reads_as_one_text()
    {
        var text = new StringBuilder(4);
        for (var i = 0; i < 300; i++)
        {
            text.Append("word \n ");
        }

        Assert.Equal(string.Join(' ', Enumerable.Repeat("word", 300)), Whitespace.Collapse(text));
    }

    [Fact]
    public void Text_already_on_one_line_is_returned_as_is()
    {
        var text = "Amazon SageMaker Autopilot";

        Assert.Same(text, Whitespace.Collapse(text));
    }
}
