using System.Security.Cryptography;
using System.Text;
using LaVae.Artifacts;
using LaVae.Tests.Unit.Training;
using LaVae.Training;

namespace LaVae.Tests.Unit.Artifacts;

/// <summary>An artifact's key changes exactly with what changes its trained weights.</summary>
public class ArtifactKeyTests
{
    private const string Environment = "cpu/threads=2";

    private static readonly string[] Flips = ["flip_lr", "flip_ud"];
    private static readonly string[] Noises = ["gaussian_noise", "gaussian_blur"];

    private static ArtifactSpec Space(string kind = "lavae") => new(kind, "mnist", Flips, 1, TinyTraining.Settings());

    private static ArtifactSpec Head(bool trainsComposition = true) =>
        new("transfer_head", "mnist", Noises, 1, TinyTraining.Settings(), Space(), trainsComposition);

    private static string Key(ArtifactSpec spec, string environment = Environment) => ArtifactKey.Compute(spec, environment);

    // One setting moved within its bound, by its YAML key.
    private static ArtifactSpec Edited(ArtifactSpec spec, string setting) => spec with { Settings = TestSettings.Nudged(spec.Settings, setting) };

    [Fact]
    public void The_key_is_the_sha256_of_a_fixed_canonical_form_that_carries_the_training_code_version()
    {
        var json = ArtifactKey.CanonicalJson(Space(), Environment);

        Encoding.UTF8.GetString(json).Should().Be(
            $$$"""{"key_format":2,"kind":"lavae","training_code":"{{{CodeVersion.Training}}}","environment":"cpu/threads=2","dataset":"mnist","pair":"flip_lr,flip_ud","seed":1,"settings":{"filters":4,"latent":16,"batch_size":16,"learning_rate":0.001,"kl_weight":1,"involutory_weight":1,"train_images":16,"epochs.stage1":2,"epochs.stage2":3}}""",
            "a change of the training code changes CodeVersion.Training and with it every key");
        CodeVersion.Training.Should().MatchRegex("^[0-9a-f]{64}$");
        Key(Space()).Should().Be(Convert.ToHexStringLower(SHA256.HashData(json)));
    }

    [Fact]
    public void A_heads_canonical_form_names_its_source_by_key_and_whether_it_trains_the_composition()
    {
        var json = Encoding.UTF8.GetString(ArtifactKey.CanonicalJson(Head(trainsComposition: false), Environment));

        json.Should().Be(
            $$"""{"key_format":2,"kind":"transfer_head","training_code":"{{CodeVersion.Training}}","environment":"cpu/threads=2","dataset":"mnist","pair":"gaussian_noise,gaussian_blur","seed":1,"settings":{"filters":4,"latent":16,"batch_size":16,"learning_rate":0.001,"train_images":16,"epochs.stage3":2},"source":"{{Key(Space())}}","trains_composition":false}""");
    }

    [Theory]
    [InlineData("epochs.stage3")]
    [InlineData("epochs.cvae")]
    [InlineData("epochs.classifier")]
    [InlineData("test_images")]
    [InlineData("checkpoint_every")]
    public void A_latent_spaces_key_ignores_settings_it_does_not_train_with(string setting) =>
        Key(Edited(Space(), setting)).Should().Be(Key(Space()));

    [Theory]
    [InlineData("filters")]
    [InlineData("latent")]
    [InlineData("batch_size")]
    [InlineData("learning_rate")]
    [InlineData("kl_weight")]
    [InlineData("involutory_weight")]
    [InlineData("train_images")]
    [InlineData("epochs.stage1")]
    [InlineData("epochs.stage2")]
    public void A_latent_spaces_key_changes_with_every_setting_it_trains_with(string setting) =>
        Key(Edited(Space(), setting)).Should().NotBe(Key(Space()));

    [Fact]
    public void A_latent_spaces_key_changes_with_seed_pair_dataset_and_environment()
    {
        var keys = new[]
        {
            Key(Space()),
            Key(Space() with { Seed = 2 }),
            Key(Space() with { Pair = ["flip_ud", "flip_lr"] }),
            Key(Space() with { Pair = Noises }),
            Key(Space() with { Dataset = "fashion-mnist" }),
            Key(Space(), environment: "cuda/threads=2"),
        };

        keys.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Equal_specs_have_equal_keys_whatever_list_holds_their_pair() =>
        Key(Space() with { Pair = new List<string> { "flip_lr", "flip_ud" } }).Should().Be(Key(Space()));

    [Fact]
    public void A_heads_key_changes_with_its_stage3_epochs_its_sources_settings_and_trains_composition()
    {
        var head = Head();
        var sourceTrainedLonger = head with { Source = Edited(head.Source!, "epochs.stage1") };

        var keys = new[]
        {
            Key(head),
            Key(Edited(head, "epochs.stage3")),
            Key(sourceTrainedLonger),
            Key(head with { Source = head.Source! with { Seed = 7 } }),
            Key(head with { Source = head.Source! with { Pair = ["flip_ud", "flip_lr"] } }),
            Key(Head(trainsComposition: false)),
            Key(head with { Pair = ["gaussian_blur", "gaussian_noise"] }),
        };

        keys.Should().OnlyHaveUniqueItems();
        keys.Should().NotContain(Key(Space()), "a head and its latent space are different parts");
    }

    [Theory]
    [InlineData("epochs.stage1")]
    [InlineData("epochs.stage2")]
    [InlineData("epochs.cvae")]
    [InlineData("kl_weight")]
    public void A_heads_own_settings_enter_its_key_only_where_stage3_reads_them(string setting) =>
        Key(Edited(Head(), setting)).Should().Be(Key(Head()), "the latent space's settings enter through the source's key");

    [Theory]
    [InlineData("cvae_trad")]
    [InlineData("cvae_auginv")]
    public void A_cvaes_key_ignores_the_lavae_stages_but_not_its_own_epochs(string kind)
    {
        var cvae = Space(kind);

        foreach (var setting in new[] { "epochs.stage1", "epochs.stage2", "epochs.stage3", "involutory_weight" })
        {
            Key(Edited(cvae, setting)).Should().Be(Key(cvae), "a CVAE does not read {0}", setting);
        }

        Key(Edited(cvae, "epochs.cvae")).Should().NotBe(Key(cvae));
        Key(cvae).Should().NotBe(Key(Space()), "the kind is part of the key");
    }

    [Fact]
    public void The_two_cvaes_trained_alike_have_different_keys() =>
        Key(Space("cvae_trad")).Should().NotBe(Key(Space("cvae_auginv")));

    [Fact]
    public void An_unknown_kind_has_no_key()
    {
        var compute = () => Key(Space("lavea"));

        compute.Should().Throw<KeyNotFoundException>().WithMessage("no model kind 'lavea' (known: classifier, csvae, cvae_auginv, cvae_trad, downstream_classifier_image_aug, downstream_classifier_latent_aug, downstream_classifier_latent_nav, downstream_classifier_plain, lavae, lavae_merged, lavae_mlp, transfer_head, vae, vae_decoder_finetuned_100, vae_decoder_finetuned_1000)");
    }
}
