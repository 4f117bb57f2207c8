namespace MnistCourse.Contracts;

/// <summary>
/// How library code shows a rich output in the running cell without referencing a notebook engine. A host (the
/// course's runner, kernel or exported app) publishes one function under an <c>AppContext</c> key — a delegate of
/// CoreLib types only, so it works whatever load context the library was loaded in — and library code calls
/// <see cref="TryShow"/> with a MIME bundle. Where no host published one (a Polyglot kernel, a plain program),
/// <see cref="TryShow"/> returns false and the caller prints its plain-text form itself.
/// </summary>
/// <example><code>if (!CellDisplay.TryShow(new Dictionary&lt;string, string&gt; { ["text/plain"] = line, [CheckRecord.MimeType] = json }))
///     Console.WriteLine(line);</code></example>
public static class CellDisplay
{
    public const string Key = "MnistCourse.CellDisplay";

    /// <summary>Publishes the host's display function (it returns true when it showed the bundle).</summary>
    public static void Publish(Func<IReadOnlyDictionary<string, string>, bool>? show) => AppContext.SetData(Key, show);

    /// <summary>Shows <paramref name="bundle"/> (MIME type → content) in the running cell; false when no host can.</summary>
    public static bool TryShow(IReadOnlyDictionary<string, string> bundle) =>
        AppContext.GetData(Key) is Func<IReadOnlyDictionary<string, string>, bool> show && show(bundle);
}
