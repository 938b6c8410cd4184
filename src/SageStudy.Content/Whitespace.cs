using System.Text;

namespace SageStudy.Content;

/// <summary>Text as a reader sees it: trimmed, each run of whitespace (line breaks included) one space.</summary>
internal static class Whitespace
{
    /// <summary>The text itself when it already reads that way, so callers keep sharing one string.</summary>
    public static string Collapse(string text) => IsCollapsed(text) ? text : Collapse(text.AsSpan());

    private static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i + 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    private static string Collapse(ReadOnlySpan<char> text)
    {
        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var collapsed = new Collapsing(buffer);
        collapsed.Add(text);
        return collapsed.ToString();
    }

    /// <summary>Collapses a builder's text chunk by chunk, without copying it into a string first.</summary>
    public static string Collapse(StringBuilder text)
    {
        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        return Collapse(text, buffer).ToString();
    }

    /// <summary>Appends a builder's text, collapsed, to another builder, with no string in between.</summary>
    public static void AppendCollapsed(StringBuilder text, StringBuilder target)
    {
        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        target.Append(Collapse(text, buffer).Written);
    }

    private static Collapsing Collapse(StringBuilder text, Span<char> buffer)
    {
        var collapsed = new Collapsing(buffer);
        foreach (var chunk in text.GetChunks())
        {
            collapsed.Add(chunk.Span);
        }

        return collapsed;
    }

    /// <summary>Writes into a buffer as long as the input: collapsing never lengthens text.</summary>
    private ref struct Collapsing(Span<char> buffer)
    {
        private readonly Span<char> _buffer = buffer;
        private int _length;
        private bool _space;

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _space = _length > 0;
                    continue;
                }

                if (_space)
                {
                    _buffer[_length++] = ' ';
                    _space = false;
                }

                _buffer[_length++] = c;
            }
        }

        public readonly ReadOnlySpan<char> Written => _buffer[.._length];

        public override readonly string ToString() => new(Written);
    }
}
