namespace LaVae.Tests.Unit.Support;

/// <summary>
/// The settings and profiles of the tiny experiments tests write (F = 4, 64 training digits, one or
/// two epochs a stage): a run trains in seconds. Top-level YAML, to be placed at column 0.
/// </summary>
internal static class TinyExperiment
{
    public const string SettingsAndProfiles = """
        settings:
          filters: 4
          latent: 16
          batch_size: 32
          learning_rate: 0.001
          kl_weight: 1.0
          involutory_weight: 1.0
          train_images: 64
          test_images: 16
          epochs: {stage1: 1, stage2: 2, stage3: 1, cvae: 1, classifier: 1}
          checkpoint_every: 1
        profiles:
          smoke: {}
          paper: {}
        """;
}
