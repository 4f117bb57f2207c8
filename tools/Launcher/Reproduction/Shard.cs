namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// One slice of a reproduction's runs, `--shard K/N` (K from 1 to N): run i of the planned list (in its fixed order) belongs
/// to slice (i mod N) + 1, so every slice gets a share of each lesson and the N slices together are exactly the whole.
/// </summary>
internal sealed record Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(1, 1);

    /// <summary>"2/4" → slice 2 of 4; anything else gets a one-line error with the form it takes.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int k) && int.TryParse(parts[1], out int n) && n >= 1 && k >= 1 && k <= n)
            return new(k, n);
        throw new FormatException($"--shard takes K/N with 1 ≤ K ≤ N (slice K of N, e.g. --shard 2/4), not '{text}'.");
    }

    public IEnumerable<T> Select<T>(IEnumerable<T> all) => all.Where((_, i) => i % Count == Index - 1);

    /// <summary>Where a slice writes its reproduction file, so slices sharing one checkout never overwrite each other.</summary>
    public string FileName => Count == 1 ? Reporting.ReproductionFile.FileName : $"reproduction.shard-{Index}-of-{Count}.json";

    public override string ToString() => $"{Index}/{Count}";
}
