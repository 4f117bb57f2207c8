using System.Text.Json.Nodes;

namespace MnistCourse.Site.Tests.Support;

/// <summary>
/// A small executed notebook with every kind of output the lessons may not have: a PNG, an error with ANSI codes,
/// a progress bar written with '\r', stderr, markdown with pipe and HTML tables, fenced code, a link to a lesson,
/// and a chart whose page must take plotly.js from the site's single copy.
/// </summary>
internal static class SyntheticNotebook
{
    public const string Lesson = "99-site-check";
    public const string Title = "Site check — every kind of output";

    /// <summary>A 24×24 RGB gradient.</summary>
    public const string Png24 =
        "iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAADnklEQVR4nA3MIRZFEQBAwZdlWZZlWZZlWRbvkWVZlmVZlmXr+H8WMN/3IT7kh/rQH+bDfrgP/xE+4kf6yB/lo360j/4xPubH+tgf5+N+vI/vEwiBFCiBFhiBFTiBFwRBFCRBFhRBFTRBFwzBFCzBFhzBFTzxjyRCIiVKoiVGYiVO4iVBEiVJkiVFUiVN0iVDMiVLsiVHciVP/iOFUEiFUmiFUViFU3hFUERFUmRFUVRFU3TFUEzFUmzFUVzFU/9IIzRSozRaYzRW4zReEzRRkzRZUzRV0zRdMzRTszRbczRX8/Q/MgiDNCiDNhiDNTiDNwRDNCRDNhRDNTRDNwzDNCzDNhzDNTzzjyzCIi3Koi3GYi3O4i3BEi3Jki3FUi3N0i3DMi3Lsi3Hci3P/iOHcEiHcmiHcViHc3hHcERHcmRHcVRHc3THcEzHcmzHcVzHc//IIzzSozzaYzzW4zzeEzzRkzzZUzzV0zzdMzzTszzbczzX8/w/CoiADKiADpiADbiAD4RADKRADpRADbRAD4zADKzADpzADbzwjyIiIiMqoiMmYiMu4iMhEiMpkiMlUiMt0iMjMiMrsiMnciMv/qOESMiESuiESdiES/hESMRESuRESdRES/TESMzESuzESdzES/8oIzIyozI6YzI24zI+EzIxkzI5UzI10zI9MzIzszI7czI38/I/KoiCLKiCLpiCLbiCL4RCLKRCLpRCLbRCL4zCLKzCLpzCLbzyjyqiIiuqoiumYiuu4iuhEiupkiulUiut0iujMiursiunciuv/qOGaMiGauiGadiGa/hGaMRGauRGadRGa/TGaMzGauzGadzGa/+oIzqyozq6Yzq24zq+Ezqxkzq5Uzq10zq9Mzqzszq7czq38/o/GoiBHKiBHpiBHbiBH4RBHKRBHpRBHbRBH4zBHKzBHpzBHbzxjyZiIidqoidmYidu4idhEidpkidlUidt0idjMidrsidncidv/qOFWMiFWuiFWdiFW/hFWMRFWuRFWdRFW/TFWMzFWuzFWdzFW/9oIzZyozZ6YzZ24zZ+EzZxkzZ5UzZ10zZ9MzZzszZ7czZ38/Y/OoiDPKiDPpiDPbiDP4RDPKRDPpRDPbRDP4zDPKzDPpzDPbzzjy7iIi/qoi/mYi/u4i/hEi/pki/lUi/t0i/jMi/rsi/nci/v/qOHeMiHeuiHediHe/hHeMRHeuRHedRHe/THeMzHeuzHedzHe/wAuNQlrnxFm6YAAAAASUVORK5CYII=";

    public const string ChartId = "site-check-chart";

    /// <summary>An XPlot-style chart as the engine emits it: a div, and a script that waits for window.Plotly (no plotly.js inline).</summary>
    public const string ChartHtml =
        "<div id=\"" + ChartId + "\" style=\"width: 480px; height: 320px;\"></div>\n<script>\n" +
        "var data = [{\"type\":\"bar\",\"x\":[\"a\",\"b\",\"c\"],\"y\":[3,1,2]}]; var layout = {\"title\":\"synthetic bars\"};\n" +
        "(function(){var a=arguments;(function w(){if(window.Plotly){window.Plotly.newPlot.apply(window.Plotly,a);}else{setTimeout(w,50);}})();})('" + ChartId + "', data, layout);\n" +
        "</script>";

    public static JsonObject Build()
    {
        var progress = string.Concat(Enumerable.Range(1, 10).Select(i => $"\rstep {i}/10 [{new string('=', i)}{new string('.', 10 - i)}]")) + " done\n";
        var cells = new JsonArray
        {
            Markdown("# " + Title + "\n\nA notebook made by the site test. Pipe table:\n\n| digit | count |\n|---|---:|\n| 7 | 1028 |\n| 1 | 1135 |\n\n" +
                     "An HTML table:\n\n<table class=\"raw-html\"><tr><th>layer</th><th>output</th></tr><tr><td>conv2d</td><td>26×26×32</td></tr></table>\n\n" +
                     "Fenced code:\n\n```csharp\nvar model = new Sequential(); // a comment\nstring s = \"text\";\n```\n\nSee [lesson 2](02-keras-convnet.ipynb#setup)."),
            Code(1, "Console.Write(progress);", new JsonArray
            {
                Stream("stdout", progress[..40]), Stream("stdout", progress[40..]),
                Stream("stderr", "a warning on stderr\n"),
            }),
            Code(2, "display(image)", new JsonArray
            {
                new JsonObject
                {
                    ["output_type"] = "display_data",
                    ["data"] = new JsonObject { ["image/png"] = Png24, ["text/plain"] = "<image 24×24>" },
                    ["metadata"] = new JsonObject(),
                },
            }),
            Code(3, "Chart.Bars(...)", new JsonArray
            {
                new JsonObject
                {
                    ["output_type"] = "display_data",
                    ["data"] = new JsonObject { ["text/html"] = ChartHtml, ["text/plain"] = "XPlot.Plotly.PlotlyChart" },
                    ["metadata"] = new JsonObject(),
                },
            }),
            Code(4, "1 + 1", new JsonArray
            {
                new JsonObject
                {
                    ["output_type"] = "execute_result", ["execution_count"] = 4,
                    ["data"] = new JsonObject { ["text/plain"] = "2" }, ["metadata"] = new JsonObject(),
                },
            }),
            Code(5, "throw new InvalidOperationException(\"boom\");", new JsonArray
            {
                new JsonObject
                {
                    ["output_type"] = "error", ["ename"] = "System.InvalidOperationException", ["evalue"] = "boom",
                    ["traceback"] = new JsonArray("\u001b[0;31mSystem.InvalidOperationException\u001b[0m: boom", "   at Submission#5 (cell 5, line 1)"),
                },
            }),
        };
        return new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
    }

    private static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown", ["id"] = Guid.NewGuid().ToString("N")[..12], ["metadata"] = new JsonObject(), ["source"] = source,
    };

    private static JsonObject Code(int count, string source, JsonArray outputs) => new()
    {
        ["cell_type"] = "code", ["id"] = Guid.NewGuid().ToString("N")[..12], ["metadata"] = new JsonObject(),
        ["execution_count"] = count, ["outputs"] = outputs, ["source"] = source,
    };

    private static JsonObject Stream(string name, string text) => new() { ["output_type"] = "stream", ["name"] = name, ["text"] = text };
}
