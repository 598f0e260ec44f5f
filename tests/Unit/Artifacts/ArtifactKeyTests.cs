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

    /// <summary>Edits of one field of a spec's settings, by the name the canonical form gives it.</summary>
    private static readonly Dictionary<string, Func<TrainingSettings, TrainingSettings>> SettingEdits = new()
    {
        ["filters"] = s => s with { Filters = s.Filters * 2 },
        ["latent"] = s => s with { LatentDim = s.LatentDim + 1 },
        ["batch_size"] = s => s with { BatchSize = s.BatchSize + 1 },
        ["learning_rate"] = s => s with { LearningRate = s.LearningRate / 10 },
        ["kl_weight"] = s => s with { KlWeight = s.KlWeight + 0.5 },
        ["involutory_weight"] = s => s with { InvolutoryWeight = s.InvolutoryWeight + 0.5 },
        ["train_images"] = s => s with { TrainImages = s.TrainImages + 1 },
        ["test_images"] = s => s with { TestImages = s.TestImages + 1 },
        ["stage1_epochs"] = s => s with { Stage1Epochs = s.Stage1Epochs + 1 },
        ["stage2_epochs"] = s => s with { Stage2Epochs = s.Stage2Epochs + 1 },
        ["stage3_epochs"] = s => s with { Stage3Epochs = s.Stage3Epochs + 1 },
        ["cvae_epochs"] = s => s with { CvaeEpochs = s.CvaeEpochs + 1 },
        ["classifier_epochs"] = s => s with { ClassifierEpochs = s.ClassifierEpochs + 1 },
        ["checkpoint_every"] = s => s with { CheckpointEvery = s.CheckpointEvery + 1 },
    };

    private static ArtifactSpec Space(string kind = "lavae") => new(kind, "mnist", Flips, 1, TinyTraining.Settings());

    private static ArtifactSpec Head(bool trainsComposition = true) =>
        new("transfer_head", "mnist", Noises, 1, TinyTraining.Settings(), Space(), trainsComposition);

    private static string Key(ArtifactSpec spec, string environment = Environment) => ArtifactKey.Compute(spec, environment);

    private static ArtifactSpec Edited(ArtifactSpec spec, string setting) => spec with { Settings = SettingEdits[setting](spec.Settings) };

    [Fact]
    public void The_key_is_the_sha256_of_a_fixed_canonical_form_that_carries_the_training_code_version()
    {
        var json = ArtifactKey.CanonicalJson(Space(), Environment);

        Encoding.UTF8.GetString(json).Should().Be(
            $$$"""{"key_format":1,"kind":"lavae","training_code":"{{{CodeVersion.Training}}}","environment":"cpu/threads=2","dataset":"mnist","pair":"flip_lr,flip_ud","seed":1,"settings":{"filters":4,"latent":16,"batch_size":16,"learning_rate":0.001,"kl_weight":1,"involutory_weight":1,"train_images":16,"stage1_epochs":2,"stage2_epochs":3}}""",
            "a change of the training code changes CodeVersion.Training and with it every key");
        CodeVersion.Training.Should().MatchRegex("^[0-9a-f]{64}$");
        Key(Space()).Should().Be(Convert.ToHexStringLower(SHA256.HashData(json)));
    }

    [Fact]
    public void A_heads_canonical_form_names_its_source_by_key_and_whether_it_trains_the_composition()
    {
        var json = Encoding.UTF8.GetString(ArtifactKey.CanonicalJson(Head(trainsComposition: false), Environment));

        json.Should().Be(
            $$"""{"key_format":1,"kind":"transfer_head","training_code":"{{CodeVersion.Training}}","environment":"cpu/threads=2","dataset":"mnist","pair":"gaussian_noise,gaussian_blur","seed":1,"settings":{"filters":4,"latent":16,"batch_size":16,"learning_rate":0.001,"train_images":16,"stage3_epochs":2},"source":"{{Key(Space())}}","trains_composition":false}""");
    }

    [Theory]
    [InlineData("stage3_epochs")]
    [InlineData("cvae_epochs")]
    [InlineData("classifier_epochs")]
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
    [InlineData("stage1_epochs")]
    [InlineData("stage2_epochs")]
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
        var sourceTrainedLonger = head with { Source = Edited(head.Source!, "stage1_epochs") };

        var keys = new[]
        {
            Key(head),
            Key(Edited(head, "stage3_epochs")),
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
    [InlineData("stage1_epochs")]
    [InlineData("stage2_epochs")]
    [InlineData("cvae_epochs")]
    [InlineData("kl_weight")]
    public void A_heads_own_settings_enter_its_key_only_where_stage3_reads_them(string setting) =>
        Key(Edited(Head(), setting)).Should().Be(Key(Head()), "the latent space's settings enter through the source's key");

    [Theory]
    [InlineData("cvae_trad")]
    [InlineData("cvae_auginv")]
    public void A_cvaes_key_ignores_the_lavae_stages_but_not_its_own_epochs(string kind)
    {
        var cvae = Space(kind);

        foreach (var setting in new[] { "stage1_epochs", "stage2_epochs", "stage3_epochs", "involutory_weight" })
        {
            Key(Edited(cvae, setting)).Should().Be(Key(cvae), "a CVAE does not read {0}", setting);
        }

        Key(Edited(cvae, "cvae_epochs")).Should().NotBe(Key(cvae));
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
