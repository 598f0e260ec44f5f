using LaVae.Data;
using LaVae.Models;
using LaVae.Torch;

namespace LaVae.Evaluation;

/// <summary>
/// One column of a Table-I style evaluation: how the model predicts images for a batch of test
/// digits, and which aligned set those predictions are compared with.
/// </summary>
public sealed record ErrorColumn(string Name, AugClass Target, Func<AlignedSets, Tensor, Tensor> Predict);
