using SageStudy.Content;

namespace SageStudy.Web.Pages;

/// <summary>The portal's URLs, built in one place so pages and tests agree on them.</summary>
public static class Links
{
    public static string Note(string path, string? anchor = null) =>
        "/notes/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString))
        + (string.IsNullOrEmpty(anchor) ? "" : "#" + Uri.EscapeDataString(anchor));

    public static string Unit(TaggedUnit unit) =>
        unit.Unit.Kind == UnitKind.Note ? Note(unit.Note.Path) : Note(unit.Note.Path, unit.Unit.Anchor);

    public static string Tag(string tag) => "/tags/" + Uri.EscapeDataString(tag);

    public static string FolderTitle(string folder) =>
        folder.Length == 0 ? "Notes" : string.Join(" / ", folder.Split('/').Select(Capitalize));

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].Replace('-', ' ');
}
