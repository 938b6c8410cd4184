namespace SageStudy.Browser.Tests;

/// <summary>
/// A portal whose content holds script-injection attempts: a note and an authored question.
/// Each payload either calls alert(n) (caught as a dialog) or sets window.__xss (checked afterwards).
/// </summary>
public sealed class XssPortal : BrowserPortal
{
    public const string NotePath = "xss/payloads";
    public const string Tag = "xss-probe";

    public const string Payloads = """
        <script>alert(1)</script> <script>window.__xss=1</script>
        <img src=x onerror=alert(2)> <img src=x onerror="window.__xss=2">
        [x](javascript:alert(3)) [y](javascript:window.__xss=3) [z](JaVaScRiPt:alert(3)) <javascript:alert(3)>
        <svg onload=alert(4)> <svg onload="window.__xss=4"></svg>
        &#60;script&#62;alert(5)&#60;/script&#62; &lt;img src=x onerror=alert(5)&gt;
        <a href="javascript:alert(3)">raw link</a> <iframe src="javascript:alert(3)"></iframe>
        """;

    protected override void SeedContent(string contentRoot)
    {
        Write(contentRoot, NotePath + ".md", $$"""
            # Injection probes

            **Tags:** `#{{Tag}}`

            ## Payloads in text `#{{Tag}}`

            {{Payloads}}

            ## Payloads in a diagram

            ```mermaid
            flowchart LR
              A["<img src=x onerror=alert(7)>"] --> B["<img src=x onerror=window.__xss=7>"]
              B --> C["<script>alert(7)</script>"]
              click A call alert(6)
              click B href "javascript:alert(6)"
              click C callback "window.__xss=6"
            ```

            ## Payloads in headings <img src=x onerror=alert(2)>

            A heading carries markup too.
            """);

        Write(contentRoot, "quiz/xss.md", $$"""
            # Injection probe questions

            ## xss-probe-question
            Section: {{NotePath}}#payloads-in-text
            Tags: {{Tag}}

            Which of these runs? {{OneLine(Payloads)}}

            - [x] <img src=x onerror=alert(2)> none of them
            - [ ] <script>alert(1)</script> [x](javascript:alert(3))
            - [ ] <svg onload=alert(4)>

            Explanation: {{OneLine(Payloads)}}
            """);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static void Write(string contentRoot, string relativePath, string text)
    {
        var path = Path.Combine(contentRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
