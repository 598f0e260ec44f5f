using LaVae.Models;
using LaVae.Tests.Unit.Models;
using LaVae.Tests.Unit.Support;
using LaVae.Training;

namespace LaVae.Tests.Unit.Training;

/// <summary>
/// Each stage trains only its own parameters (paper section 1: "earlier parts frozen in later
/// stages"). Stages draw their noise from (seed, stage, epoch) alone, so runs that stop after stage 1,
/// 2 or 3 share everything up to there and their differences are what the later stage changed.
/// </summary>
public class StageFreezingTests
{
    [Fact]
    public void Stage1_trains_encoder_and_decoder_0_stage2_only_the_maps_stage3_only_its_head()
    {
        using var folder = new TempFolder();
        using var train = Tiny.Sets(24, seed: 1);
        using var target = Tiny.UnrelatedSets(24, seed: 2);

        var initial = Train(folder.File("init.safetensors"), 0, 0, 0);
        var afterStage1 = Train(folder.File("stage1.safetensors"), 2, 0, 0);
        var afterStage2 = Train(folder.File("stage2.safetensors"), 2, 2, 0);
        var afterStage3 = Train(folder.File("stage3.safetensors"), 2, 2, 2);

        var names = initial.Keys.ToList();
        TinyTraining.Changed(initial, afterStage1).Should().BeEquivalentTo(names.Where(n => n.StartsWith("encoder.", StringComparison.Ordinal) || n.StartsWith("decoder0.", StringComparison.Ordinal)));
        TinyTraining.Changed(afterStage1, afterStage2).Should().BeEquivalentTo(["map1.L", "map2.L"]);
        TinyTraining.Changed(afterStage2, afterStage3).Should().BeEquivalentTo(names.Where(n => n.StartsWith("head.", StringComparison.Ordinal)),
            "stage 3 trains only the new head: the latent space it reads stays as stage 2 left it");

        // The latent space with its stage-3 head as one parameter set ("head." + the head's names).
        Dictionary<string, float[]> Train(string checkpoint, int stage1, int stage2, int stage3)
        {
            var trainers = new ModelTrainers(TinyTraining.Settings(stage1, stage2, stage3), TinyTraining.Context(new RecordingProgress()), "freezing");
            using var model = trainers.TrainLavae("lavae", () => train, Tiny.Flips, checkpoint, LatentMapKind.Linear);
            using var latents = new TransferLatents(model, train.Orig);
            using var head = trainers.TrainTransferHead("head", new Lazy<TransferLatents>(() => latents), () => target, checkpoint + ".head");
            var parameters = TinyTraining.Snapshot(model);
            foreach (var (name, values) in TinyTraining.Snapshot(head))
            {
                parameters[$"head.{name}"] = values;
            }

            return parameters;
        }
    }
}
