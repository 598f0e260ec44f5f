using LaVae.Evaluation;
using LaVae.Models;
using LaVae.Training;

namespace LaVae.Artifacts.Kinds;

/// <summary>
/// The harness's image classifier (<see cref="DigitClassifier"/>), trained on a dataset's first
/// <c>train_images</c> training originals and their labels; it reads no pair and no latent space, so
/// every experiment on the dataset shares it. Not a model of the paper: the class measure's judge.
/// </summary>
internal sealed class ClassifierKind : IModelKind
{
    public string Name => "classifier";

    public string DisplayName => "Classifier";

    public bool TrainsOnPair => false;

    public IReadOnlyList<Setting<int>> EpochSettings => [Setting.ClassifierEpochs];

    public string FinalStage => "classifier";

    // Its architecture is fixed in DigitClassifier (the filters and latent settings are the VAEs').
    public IReadOnlyList<Setting> Identity { get; } = [Setting.BatchSize, Setting.LearningRate, Setting.TrainImages, Setting.ClassifierEpochs];

    public nn.Module Train(ArtifactJob job) => job.Trainers.TrainClassifier(job.Spec.TrainingName, job.TrainDigits(), job.CheckpointPath);

    /// <summary>A classifier reconstructs nothing: it has no Table I columns.</summary>
    public IReadOnlyList<ErrorColumn> Columns(nn.Module model, nn.Module? source) => [];
}
