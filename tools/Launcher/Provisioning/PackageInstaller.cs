namespace MnistCourse.Launcher.Provisioning;

/// <summary>
/// Installs the system tools a command lacks with apt-get — directly as root, through `sudo -n` where that asks no
/// password — or, where it cannot, stops before any work with one line naming what is missing and the command that adds it.
/// </summary>
internal static class PackageInstaller
{
    /// <summary>How the missing packages can be installed on this machine.</summary>
    internal enum Privilege { Root, PasswordlessSudo, None }

    /// <summary>The one line for a machine where the course cannot install by itself.</summary>
    internal static string MissingLine(string command, IReadOnlyList<SystemTool> missing, bool hasAptGet)
    {
        var what = string.Join("; ", missing.Select(t => $"{t.Name} (for {t.NeededFor})"));
        var packages = string.Join(" ", Packages(missing));
        var fix = hasAptGet ? $"sudo apt-get install -y {packages}" : $"install the equivalents of Debian's {packages} with your package manager";
        return $"{command}: missing {what}; add them with: {fix}";
    }

    /// <summary>The commands that install <paramref name="missing"/> with <paramref name="privilege"/>; none when it cannot.</summary>
    internal static IReadOnlyList<(string program, string[] arguments)> Plan(IReadOnlyList<SystemTool> missing, Privilege privilege, bool hasAptGet)
    {
        if (missing.Count == 0 || !hasAptGet || privilege == Privilege.None) return [];
        string[] update = ["apt-get", "update", "-qq"];
        // Wait for another apt (an unattended upgrade, a second course command) rather than fail on its lock.
        string[] install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=300", .. Packages(missing)];
        return privilege == Privilege.Root
            ? [(update[0], update[1..]), (install[0], install[1..])]
            : [("sudo", ["-n", .. update]), ("sudo", ["-n", .. install])];
    }

    /// <summary>Makes sure every tool in <paramref name="tools"/> is present; returns 0, or 2 after saying what is missing.</summary>
    public static int Ensure(string command, IReadOnlyList<SystemTool> tools, TextWriter log)
    {
        var missing = tools.Where(t => !t.IsPresent()).ToList();
        if (missing.Count == 0) return 0;

        bool hasAptGet = File.Exists("/usr/bin/apt-get");
        var plan = Plan(missing, CurrentPrivilege(), hasAptGet);
        if (plan.Count == 0)
        {
            Console.Error.WriteLine(MissingLine(command, missing, hasAptGet));
            return 2;
        }
        log.WriteLine($"{command}: installing {string.Join(" ", Packages(missing))} (for {string.Join(", ", missing.Select(t => t.NeededFor))}) with apt-get …");
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        foreach (var (program, arguments) in plan)
        {
            var (exit, output) = ChildProcess.Capture(program, arguments, environment);
            if (exit != 0)
            {
                Console.Error.WriteLine($"{command}: `{program} {string.Join(" ", arguments)}` failed (exit {exit}): {LastLine(output)}");
                Console.Error.WriteLine(MissingLine(command, missing, hasAptGet));
                return 2;
            }
        }
        var still = missing.Where(t => !t.IsPresent()).ToList();
        if (still.Count == 0) return 0;
        Console.Error.WriteLine(MissingLine(command, still, hasAptGet) + " (apt-get ran, but they are still missing)");
        return 2;
    }

    private static IEnumerable<string> Packages(IEnumerable<SystemTool> tools) => tools.SelectMany(t => t.DebianPackages).Distinct();

    private static Privilege CurrentPrivilege()
    {
        if (OperatingSystem.IsWindows()) return Privilege.None;
        if (Environment.UserName == "root" || ChildProcess.Capture("id", ["-u"]).output == "0") return Privilege.Root;
        return ChildProcess.Capture("sudo", ["-n", "true"]).exitCode == 0 ? Privilege.PasswordlessSudo : Privilege.None;
    }

    private static string LastLine(string output) =>
        output.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "(no output)";
}
