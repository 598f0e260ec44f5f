using LaVae.Augmentations.Families;
using LaVae.Reports;

namespace LaVae.Tests.Unit.Augmentations.Families;

public class FamiliesTableTests
{
    [Fact]
    public void The_readmes_families_table_is_the_one_made_from_the_declarations()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md")).ReplaceLineEndings("\n");
        var expected = FamiliesTable.Markdown();

        readme.Should().Contain(expected, "README's table is `lavae families` output; regenerate it after changing a family");
        foreach (var name in AugmentationFamilies.Names)
        {
            expected.Should().Contain($"| `{name}` |", "every family, sequence included, has its row");
        }
    }
}
