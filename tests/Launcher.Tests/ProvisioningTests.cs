using MnistCourse.Launcher.Commands;
using MnistCourse.Launcher.Provisioning;
using static MnistCourse.Launcher.Provisioning.PackageInstaller;

namespace MnistCourse.Launcher.Tests;

/// <summary>How ./course installs what the suite needs, or says in one line how to; decided without touching the machine.</summary>
public class ProvisioningTests
{
    private static readonly SystemTool Jupyter = new("Python's jupyter_client", "the kernel tests", ["python3-jupyter-client", "python3-nbclient"], () => false);
    private static readonly SystemTool Browser = new("/usr/bin/chromium", "the site tests", ["chromium", "fonts-dejavu-core"], () => false);

    [Fact]
    public void As_root_it_updates_then_installs_every_missing_package_once()
    {
        var plan = Plan([Jupyter, Browser, Jupyter], Privilege.Root, hasAptGet: true);
        Assert.Equal(2, plan.Count);
        Assert.Equal(("apt-get", "update -qq"), (plan[0].program, string.Join(" ", plan[0].arguments)));
        Assert.Equal("apt-get", plan[1].program);
        Assert.Equal("install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 python3-jupyter-client python3-nbclient chromium fonts-dejavu-core",
                     string.Join(" ", plan[1].arguments));
    }

    [Fact]
    public void With_passwordless_sudo_it_goes_through_sudo_n()
    {
        var plan = Plan([Browser], Privilege.PasswordlessSudo, hasAptGet: true);
        Assert.All(plan, step => Assert.Equal("sudo", step.program));
        Assert.All(plan, step => Assert.Equal("-n", step.arguments[0]));
        Assert.Equal("apt-get", plan[1].arguments[1]);
    }

    [Theory]
    [InlineData("None", true)]
    [InlineData("Root", false)]
    public void Without_rights_or_apt_get_it_plans_nothing_and_names_the_fix_in_one_line(string privilege, bool hasAptGet)
    {
        Assert.Empty(Plan([Jupyter, Browser], Enum.Parse<Privilege>(privilege), hasAptGet));
        var line = MissingLine("course setup --for-tests", [Jupyter, Browser], hasAptGet);
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("course setup --for-tests: missing Python's jupyter_client (for the kernel tests); /usr/bin/chromium (for the site tests)", line);
        Assert.EndsWith(hasAptGet
            ? "add them with: sudo apt-get install -y python3-jupyter-client python3-nbclient chromium fonts-dejavu-core"
            : "add them with: install the equivalents of Debian's python3-jupyter-client python3-nbclient chromium fonts-dejavu-core with your package manager", line);
    }

    [Fact]
    public void Nothing_missing_means_nothing_to_do()
    {
        var present = Jupyter with { IsPresent = () => true };
        Assert.Empty(Plan([], Privilege.Root, hasAptGet: true));
        Assert.Equal(0, PackageInstaller.Ensure("test", [present], TextWriter.Null));
    }

    [Fact]
    public void The_test_tools_are_the_ones_the_suite_uses()
    {
        var packages = SystemTool.ForTests.SelectMany(t => t.DebianPackages).ToList();
        Assert.Equal(["binutils", "python3-nbformat", "python3-jupyter-client", "python3-nbclient", "chromium", "fonts-dejavu-core"], packages);
    }

    [Theory]
    [InlineData(true, null, "Speed!=Slow")]
    [InlineData(true, "FullyQualifiedName~Signal", "(Speed!=Slow)&(FullyQualifiedName~Signal)")]
    [InlineData(false, "Category=X", "Category=X")]
    [InlineData(false, null, null)]
    public void Fast_tier_filter_joins_the_callers_filter(bool fast, string? given, string? expected) =>
        Assert.Equal(expected, TestCommand.CombineFilter(fast, given));
}
