namespace LaVae.Torch;

/// <summary>Strict state-dict loading with an error that lists every difference.</summary>
public static class ModuleState
{
    /// <summary>
    /// Copies values into the module's parameters and buffers. Every name must exist on both sides
    /// with the same shape and dtype; otherwise nothing is copied and the error lists what differs
    /// (TorchSharp's load_state_dict stops at the first).
    /// </summary>
    public static void LoadExactly(this nn.Module module, IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(state);
        var own = module.state_dict();
        var problems = new List<string>();
        problems.AddRange(own.Keys.Except(state.Keys).Select(name => $"missing '{name}'"));
        problems.AddRange(state.Keys.Except(own.Keys).Select(name => $"unexpected '{name}'"));
        foreach (var (name, target) in own)
        {
            if (state.TryGetValue(name, out var source) && (!target.shape.SequenceEqual(source.shape) || target.dtype != source.dtype))
            {
                problems.Add($"'{name}': expected {target.dtype}[{string.Join(",", target.shape)}], found {source.dtype}[{string.Join(",", source.shape)}]");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"state does not fit {module.GetType().Name}: {string.Join("; ", problems)}");
        }

        using var noGrad = no_grad();
        foreach (var (name, target) in own)
        {
            target.copy_(state[name]);
        }
    }

    /// <summary>Freezes or unfreezes every parameter (PyTorch's module.requires_grad_).</summary>
    public static void RequiresGrad(this nn.Module module, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(module);
        foreach (var parameter in module.parameters())
        {
            parameter.requires_grad = enabled;
        }
    }
}
