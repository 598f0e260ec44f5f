namespace LaVae.Training;

/// <summary>
/// The training settings of one resolved experiment: the <c>settings</c> block (the paper's values,
/// paper.md section 2) with the chosen profile's overrides applied.
/// </summary>
/// <param name="Filters">F: channels of the first convolution; the second has 2F.</param>
/// <param name="LatentDim">Latent dimensions (16 in the paper); also the size of each L_k.</param>
/// <param name="BatchSize">Images per optimizer step.</param>
/// <param name="LearningRate">AdaBelief learning rate, all stages.</param>
/// <param name="KlWeight">Weight of the KL term against the summed BCE in stage 1.</param>
/// <param name="InvolutoryWeight">lambda_invol: weight of ||I - L_k·L_k||² in stage 2.</param>
/// <param name="TrainImages">Original training images used (each yields four aligned images).</param>
/// <param name="TestImages">Original test images the metrics average over.</param>
/// <param name="Stage1Epochs">Encoder + decoder 0.</param>
/// <param name="Stage2Epochs">Latent maps L_k only.</param>
/// <param name="Stage3Epochs">Each transfer decoder head.</param>
/// <param name="CvaeEpochs">Each CVAE baseline.</param>
/// <param name="ClassifierEpochs">The harness's digit classifier (for the class and identity measures; not in the paper).</param>
/// <param name="CheckpointEvery">Epochs between checkpoints; does not change the trained weights.</param>
public sealed record TrainingSettings(
    int Filters,
    int LatentDim,
    int BatchSize,
    double LearningRate,
    double KlWeight,
    double InvolutoryWeight,
    int TrainImages,
    int TestImages,
    int Stage1Epochs,
    int Stage2Epochs,
    int Stage3Epochs,
    int CvaeEpochs,
    int ClassifierEpochs,
    int CheckpointEvery);
