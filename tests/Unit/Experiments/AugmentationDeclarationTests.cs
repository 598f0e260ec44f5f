using LaVae.Artifacts;
using LaVae.Augmentations;
using LaVae.Experiments;

namespace LaVae.Tests.Unit.Experiments;

/// <summary>An experiment's <c>augmentations:</c> block: declared from families, keyed by definition, read strictly.</summary>
public class AugmentationDeclarationTests
{
    private const string Pair = "pair: [flip_lr, flip_ud]\n";

    [Fact]
    public void A_declared_augmentation_keeps_its_name_in_the_experiment_and_its_definition_in_the_trained_parts()
    {
        var experiment = Declare("augmentations:\n  rotate_45: {rotate: {degrees: 45}}\n  tilt: {rotate: {degrees: [-15, 15]}}\npair: [rotate_45, tilt]\n");

        experiment.Pair.Should().Equal("rotate_45", "tilt");
        experiment.Augmentations.Should().Equal(new Dictionary<string, string>
        {
            ["rotate_45"] = "rotate(degrees=45)",
            ["tilt"] = "rotate(degrees=-15..15)",
        });
        var design = experiment.Resolve("smoke").Run.Design();
        design.Model("lavae", 1).Pair.Should().Equal("rotate(degrees=45)", "rotate(degrees=-15..15)");
        AugmentationRegistry.Get("rotate(degrees=45)").Name.Should().Be("rotate(degrees=45)");
    }

    [Fact]
    public void Defaults_are_part_of_the_definition_so_leaving_one_out_and_writing_it_are_one_augmentation()
    {
        var implicitDefault = Declare("augmentations:\n  nudge: {translate: {x: 3}}\n  spin: {rotate: {degrees: 90}}\npair: [nudge, spin]\n");
        var explicitDefault = Declare("augmentations:\n  shift: {translate: {x: 3, y: 0}}\n  turn: {rotate: {degrees: [90, 90]}}\npair: [shift, turn]\n");

        Key(implicitDefault).Should().Be(Key(explicitDefault), "the same definitions under other names are the same trained part");
        implicitDefault.Augmentations["nudge"].Should().Be("translate(x=3;y=0)");
    }

    [Fact]
    public void Changing_a_parameter_changes_the_trained_parts_key()
    {
        var forty = Declare("augmentations:\n  a: {rotate: {degrees: 40}}\npair: [a, flip_ud]\n");
        var fortyFive = Declare("augmentations:\n  a: {rotate: {degrees: 45}}\npair: [a, flip_ud]\n");

        Key(forty).Should().NotBe(Key(fortyFive));
    }

    [Fact]
    public void A_sequence_applies_its_steps_in_order_and_may_name_the_papers_augmentations_and_earlier_declarations()
    {
        var experiment = Declare(
            "augmentations:\n  dark: {invert: }\n  soft_shift: {sequence: [{translate: {x: 3}}, flip_lr, dark]}\npair: [soft_shift, flip_ud]\n");

        experiment.Augmentations["soft_shift"].Should().Be("sequence(translate(x=3;y=0);flip_lr;invert())");
    }

    [Theory]
    [InlineData("augmentations:\n  tilt: {twist: {degrees: 4}}\n", "7:10: unknown augmentation family 'twist' (known: *)")]
    [InlineData("augmentations:\n  tilt: {rotate: {degree: 4}}\n", "7:19: unknown key 'degree' in 'augmentations.tilt.rotate' (known: degrees)")]
    [InlineData("augmentations:\n  tilt: {rotate: {degrees: 400}}\n", "7:28: 'augmentations.tilt.rotate.degrees' is 400; it must be a number in [-360, 360] or a range [low, high] within it (*)")]
    [InlineData("augmentations:\n  tilt: {rotate: {degrees: [15, -15]}}\n", "7:28: 'augmentations.tilt.rotate.degrees' is the range [15, -15]; write the lower end first")]
    [InlineData("augmentations:\n  tilt: {rotate: {}}\n", "7:18: 'augmentations.tilt.rotate' needs 'degrees': *")]
    [InlineData("augmentations:\n  flip_lr: {invert: }\n", "7:3: 'flip_lr' is one of the paper's augmentations; name a declared augmentation otherwise (*)")]
    [InlineData("augmentations:\n  Tilt: {invert: }\n", "7:3: augmentation name 'Tilt' must be lowercase letters, digits and '_', starting with a letter, as it names metrics and files")]
    [InlineData("augmentations:\n  tilt: {invert: , rotate: {degrees: 4}}\n", "7:9: 'augmentations.tilt' must name one family with its parameters, *")]
    [InlineData("augmentations:\n  tilt: {sequence: [invert_me, flip_lr]}\n", "7:21: unknown augmentation 'invert_me' in 'augmentations.tilt.sequence[0]': *")]
    [InlineData("augmentations:\n  tilt: {sequence: [flip_lr]}\n", "7:20: 'augmentations.tilt.sequence' must list at least two steps, applied in order, found 1")]
    public void A_bad_declaration_is_one_error_at_its_place(string block, string expected)
    {
        var parse = () => Samples.Parse(Samples.With(Pair, block + Pair));

        parse.Should().Throw<ExperimentFormatException>().WithMessage($"{Samples.ExperimentPath}:{expected}");
    }

    [Fact]
    public void Sequences_nest_at_most_three_deep()
    {
        const string three = "{sequence: [flip_lr, {sequence: [flip_ud, {sequence: [flip_lr, flip_ud]}]}]}";
        const string four = "{sequence: [flip_lr, {sequence: [flip_ud, {sequence: [flip_lr, {sequence: [flip_lr, flip_ud]}]}]}]}";

        Declare($"augmentations:\n  deep: {three}\npair: [deep, flip_ud]\n").Augmentations.Should().ContainKey("deep");
        var parse = () => Declare($"augmentations:\n  deep: {four}\npair: [deep, flip_ud]\n");
        parse.Should().Throw<ExperimentFormatException>().WithMessage("*'augmentations.deep.sequence[1].sequence[1].sequence[1].sequence' nests sequences 4 deep; at most 3 *");
    }

    [Fact]
    public void A_pair_may_not_name_an_augmentation_the_file_does_not_declare()
    {
        var parse = () => Declare("augmentations:\n  tilt: {rotate: {degrees: 4}}\npair: [tilted, flip_ud]\n");

        parse.Should().Throw<ExperimentFormatException>().WithMessage("*unknown augmentation 'tilted' (known: *tilt*)");
    }

    private static Experiment Declare(string block) => Samples.Parse(Samples.With(Pair, block));

    private static string Key(Experiment experiment) =>
        ArtifactKey.Compute(experiment.Resolve("smoke").Run.Design().Model("lavae", 1), "cpu");
}
