using Microsoft.EntityFrameworkCore;

namespace SageStudy.Web.Data;

public sealed class SageStudyDb(DbContextOptions<SageStudyDb> options) : DbContext(options)
{
    public DbSet<IndexedNote> Notes => Set<IndexedNote>();
    public DbSet<IndexedUnitTag> UnitTags => Set<IndexedUnitTag>();

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
    }
}
