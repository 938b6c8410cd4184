using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SageStudy.Web.Data;

public sealed class SageStudyDb(DbContextOptions<SageStudyDb> options) : IdentityDbContext<Learner>(options)
{
    public DbSet<IndexedNote> Notes => Set<IndexedNote>();
    public DbSet<IndexedUnitTag> UnitTags => Set<IndexedUnitTag>();
    public DbSet<QuestionRecord> Questions => Set<QuestionRecord>();
    public DbSet<IndexState> IndexStates => Set<IndexState>();
    public DbSet<QuizSession> QuizSessions => Set<QuizSession>();
    public DbSet<QuizItem> QuizItems => Set<QuizItem>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<ReviewState> ReviewStates => Set<ReviewState>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);

        model.Entity<IndexedNote>(note =>
        {
            note.ToTable("Notes");
            note.HasKey(n => n.Path);
        });

        model.Entity<IndexedUnitTag>(tag =>
        {
            tag.ToTable("UnitTags");
            tag.HasIndex(t => t.Tag);
            tag.HasIndex(t => t.NotePath);
        });

        model.Entity<IndexState>(state =>
        {
            state.ToTable("IndexState");
            state.HasKey(s => s.Name);
        });

        model.Entity<QuestionRecord>(question =>
        {
            question.HasKey(q => q.Id);
            question.HasIndex(q => new { q.Note, q.Anchor });
        });

        model.Entity<QuizSession>(session =>
        {
            session.Property(s => s.Mode).HasConversion<string>();
            session.HasOne<Learner>().WithMany().HasForeignKey(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.QuizSessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasIndex(s => new { s.LearnerId, s.CreatedAt });
        });

        model.Entity<QuizItem>(item => item.HasIndex(i => new { i.QuizSessionId, i.Position }).IsUnique());

        model.Entity<Answer>(answer =>
        {
            answer.HasOne<Learner>().WithMany().HasForeignKey(a => a.LearnerId).OnDelete(DeleteBehavior.Cascade);
            // Correct is in the index so the progress chart's daily counts never read the table.
            answer.HasIndex(a => new { a.LearnerId, a.AnsweredAt, a.Correct });
            answer.HasIndex(a => new { a.LearnerId, a.QuestionId });
        });

        model.Entity<ReviewState>(state =>
        {
            state.HasKey(s => new { s.LearnerId, s.QuestionId });
            state.HasOne<Learner>().WithMany().HasForeignKey(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);
            state.HasIndex(s => new { s.LearnerId, s.DueAt });
        });
    }
}
