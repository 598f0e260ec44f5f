namespace LaVae.Data;

/// <summary>The datasets LaVae knows, each a set of four IDX files in its own folder of the store.</summary>
public enum DatasetName
{
    Mnist,
    FashionMnist,
}

public static class DatasetNames
{
    /// <summary>The dataset's folder under the store root, also its name on the command line.</summary>
    public static string FolderName(this DatasetName name) => name switch
    {
        DatasetName.Mnist => "mnist",
        DatasetName.FashionMnist => "fashion-mnist",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The dataset named <paramref name="text"/> as experiments and the command line write it.</summary>
    public static DatasetName Parse(string text) =>
        Enum.GetValues<DatasetName>().FirstOrDefault(name => name.FolderName() == text, (DatasetName)(-1)) is var found && Enum.IsDefined(found)
            ? found
            : throw new ArgumentException($"unknown dataset '{text}' (known: {string.Join(", ", Enum.GetValues<DatasetName>().Select(FolderName))})", nameof(text));
}
