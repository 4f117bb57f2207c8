namespace MnistCourse.Launcher.Support;

/// <summary>The NOTEBOOK… of run and export: paths, or names in notebooks/ (which tab completion offers); none means every lesson.</summary>
internal static class NotebookArgument
{
    public static Argument<string[]> Create(string description)
    {
        var argument = new Argument<string[]>("NOTEBOOK") { Description = description, HelpName = "NOTEBOOK", Arity = ArgumentArity.ZeroOrMore };
        argument.CompletionSources.Add(_ => Lessons().Select(Path.GetFileNameWithoutExtension).OfType<string>());
        return argument.RejectingOptions();
    }

    /// <summary>The notebooks named (an error names one that is not found), or every lesson when none is.</summary>
    public static List<string> Resolve(string[] names) => names.Length > 0 ? names.Select(Repo.FindNotebook).ToList() : Lessons().ToList();

    private static IEnumerable<string> Lessons() =>
        Directory.Exists(Repo.Notebooks) ? Directory.GetFiles(Repo.Notebooks, "*.ipynb").Order(StringComparer.Ordinal) : [];
}
