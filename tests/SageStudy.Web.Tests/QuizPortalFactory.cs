namespace SageStudy.Web.Tests;

/// <summary>The portal over a copy of the shipped notes and question bank.</summary>
public sealed class QuizPortalFactory : PortalFactory
{
    public QuizPortalFactory()
    {
        Repository.CopyShippedContent(ContentRoot);
    }
}
