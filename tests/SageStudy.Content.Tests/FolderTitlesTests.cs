using SageStudy.Content;

namespace SageStudy.Content.Tests;

public class FolderTitlesTests
{
    private static Note Note(string path, string title) =>
        new NoteParser().Parse(path, $"# {title}\n", "hash", _ => true).Note;

    [Fact]
    public void A_folder_is_spelt_as_the_notes_inside_it_spell_it()
    {
        var notes = new[] { Note("mlops/deploy", "MLOps & Deployment"), Note("data/prep", "Data Preparation") };

        Assert.Equal("MLOps", FolderTitles.Of(notes)["mlops"]);
        Assert.Equal("Data", FolderTitles.Of(notes)["data"]);
    }

    [Fact]
    public void Without_a_note_that_names_it_a_folder_is_capitalised_and_hyphens_read_as_spaces()
    {
        var notes = new[] { Note("hands-on/lab-1", "First Lab"), Note("other/x", "Hands On Everything") };

        Assert.Equal("Hands on", FolderTitles.Of(notes)["hands-on"]);
        Assert.Equal("Notes", FolderTitles.Of(notes)[""]);
    }

    [Fact]
    public void Only_whole_words_count_and_nested_folders_name_each_level()
    {
        var notes = new[] { Note("aws/sagemaker/train", "Amazon SageMaker Training"), Note("aws/sagemaker/xgboost", "Awsome XGBoost") };

        Assert.Equal("Aws / SageMaker", FolderTitles.Of(notes)["aws/sagemaker"]);
    }
}
