// TorchSharp's own idiom, as in its examples: torch.* functions and types unqualified, so tensor
// code reads as PyTorch does.
global using TorchSharp;
global using static TorchSharp.torch;
