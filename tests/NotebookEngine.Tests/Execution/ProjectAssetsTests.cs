using System.Text.Json.Nodes;
using MnistCourse.NotebookEngine.Execution.Packages;

namespace MnistCourse.NotebookEngine.Tests.Execution;

/// <summary>project.assets.json: the packages it names are loaded, so only those in NuGet's own folder are accepted.</summary>
public class ProjectAssetsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Assets(string packageFolder)
    {
        var path = _folder.File("project.assets.json");
        File.WriteAllText(path, new JsonObject
        {
            ["targets"] = new JsonObject
            {
                ["net10.0"] = new JsonObject
                {
                    ["Newtonsoft.Json/13.0.3"] = new JsonObject { ["type"] = "package", ["runtime"] = new JsonObject { ["lib/net6.0/Newtonsoft.Json.dll"] = new JsonObject() } },
                },
            },
            ["libraries"] = new JsonObject { ["Newtonsoft.Json/13.0.3"] = new JsonObject { ["path"] = "newtonsoft.json/13.0.3" } },
            ["packageFolders"] = new JsonObject { [packageFolder] = new JsonObject() },
        }.ToJsonString());
        return path;
    }

    [Fact]
    public void A_package_folder_other_than_NuGets_own_is_refused()
    {
        var planted = Directory.CreateDirectory(_folder.File("planted-packages")).FullName + "/";

        var error = Assert.Throws<InvalidDataException>(() => ProjectAssets.Read(Assets(planted), "net10.0"));

        Assert.Contains(planted, error.Message);
        Assert.Contains(NuGetGlobalPackages.Folder(), error.Message);
    }

    [Fact]
    public void NuGets_global_packages_folder_is_accepted()
    {
        var packages = ProjectAssets.Read(Assets(NuGetGlobalPackages.Folder() + "/"), "net10.0");

        Assert.Equal(Path.Combine(NuGetGlobalPackages.Folder(), "newtonsoft.json", "13.0.3", "lib", "net6.0", "Newtonsoft.Json.dll"),
            packages.Single().RuntimeAssemblies.Single());
    }
}
