using MnistCourse.Launcher.Reproduction;
using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Commands;

/// <summary>`./course reproduce merge FILES…`: the slices of a sharded reproduction (--shard K/N) joined into one file, then its table.</summary>
internal static class MergeCommand
{
    private static readonly Argument<string[]> Files = new("FILES") { Description = "The slices' reproduction files.", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string> Output = new("--output")
    {
        Description = "Where to write the merged file (default: artifacts/reproduction.json; an earlier one is kept as reproduction.previous.json).", HelpName = "FILE",
    };

    public static readonly Command Command = new Command("merge",
        "Merge the reproduction files of several slices (./course reproduce --shard K/N) into one; duplicates and conflicts are named.")
    { Files, Output }.WithAction(Run);

    private static int Run(ParseResult parsed)
    {
        var slices = new List<(string, ReproductionFile)>();
        foreach (var path in parsed.GetValue(Files)!)
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"merge: {path} does not exist; pass the slices' reproduction.shard-K-of-N.json files.");
                return 1;
            }
            try { slices.Add((path, ReproductionFile.Load(path))); }
            catch (InvalidDataException e) { Console.Error.WriteLine($"merge: {e.Message}"); return 1; }
        }
        var outcome = ReproductionMerge.Merge(slices);
        foreach (var d in outcome.Duplicates) Console.WriteLine($"duplicate: {d}");
        foreach (var n in outcome.Notes) Console.WriteLine($"note: {n}");
        foreach (var c in outcome.Conflicts) Console.Error.WriteLine($"conflict: {c}");
        if (outcome.Merged is not { } merged)
        {
            Console.Error.WriteLine($"merge: {outcome.Conflicts.Count} conflict(s), nothing written; rerun the conflicting runs in one slice, or leave one file out.");
            return 1;
        }
        var output = parsed.GetValue(Output) ?? Path.Combine(Repo.Artifacts, ReproductionFile.FileName);
        if (File.Exists(output) && !parsed.GetValue(Files)!.Any(f => Path.GetFullPath(f) == Path.GetFullPath(output)))
            File.Copy(output, Path.ChangeExtension(output, ".previous.json"), overwrite: true);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        merged.Save(output);
        Console.WriteLine($"Merged {slices.Count} file(s), {merged.Runs.Count} run(s){(merged.ReferenceRuns is { Count: > 0 } r ? $" and {r.Count} reference run(s)" : "")} into {output}.");
        foreach (var line in ReproductionTable.Lines(merged, Tutorial.All)) Console.WriteLine(line);
        return 0;
    }
}
