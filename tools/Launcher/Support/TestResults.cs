using System.Xml.Linq;

namespace MnistCourse.Launcher.Support;

/// <summary>Counts read from the TRX files that `dotnet test` writes, one per test project.</summary>
internal sealed record TestResults(int Passed, int Failed, int Skipped, int Files)
{
    public int Total => Passed + Failed + Skipped;

    public static TestResults Read(string folder)
    {
        int passed = 0, failed = 0, skipped = 0, files = 0;
        if (!Directory.Exists(folder)) return new(0, 0, 0, 0);
        foreach (var trx in Directory.GetFiles(folder, "*.trx", SearchOption.AllDirectories))
        {
            var counters = XDocument.Load(trx).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null) continue;
            int Get(string name) => int.TryParse(counters.Attribute(name)?.Value, out var v) ? v : 0;
            passed += Get("passed");
            failed += Get("failed") + Get("error") + Get("timeout") + Get("aborted");
            skipped += Get("notExecuted");
            files++;
        }
        return new(passed, failed, skipped, files);
    }
}
