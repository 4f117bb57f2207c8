using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace MnistCourse.Tools;

/// <summary>
/// The command-line conventions of the course's programs (the launcher, the runner, the bench), on System.CommandLine:
/// a bad command line exits 2 after naming what is wrong and where the help is; a command that throws exits 1 with
/// its message in one line; no command at all, or `help`, prints the help.
/// </summary>
internal static class CourseCommandLine
{
    public static async Task<int> RunAsync(this RootCommand root, string[] args)
    {
        if (root.Action is null)
        {
            root.SetAction(_ => root.Parse("--help").Invoke());
            root.Add(new Command("help", "Show this help.") { Hidden = true }.WithAction(_ => root.Parse("--help").Invoke()));
        }
        foreach (var version in root.Options.OfType<VersionOption>().ToList()) root.Options.Remove(version);

        var parsed = root.Parse(args);
        var usage = string.Join(' ', CommandPath(parsed.CommandResult, root));
        if (parsed.Action is ParseErrorAction errors)
        {
            errors.ShowHelp = parsed.CommandResult.Command == root; // an unknown command: list the commands
            errors.ShowTypoCorrections = false; // it offers -h for any unknown word; the help lists what there is
            errors.Invoke(parsed);
            Console.Error.WriteLine($"See: {usage} --help");
            return 2;
        }
        try
        {
            // No termination handler: Ctrl+C ends a course program as it ends any other (a lesson's own handling stays in charge).
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"{usage.TrimStart('.', '/')}: {e.Message}");
            return 1;
        }
    }

    public static Command WithAction(this Command command, Func<ParseResult, int> action)
    {
        command.SetAction(action);
        return command;
    }

    /// <summary>
    /// System.CommandLine takes a word it does not know as a value when a positional argument can hold it; a value
    /// that starts with '-' is an option this command lacks (a typo such as --sed for --seed), and is rejected.
    /// </summary>
    public static Argument<T> RejectingOptions<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
                result.AddError($"Unrecognized command or argument '{token.Value}'.");
        });
        return argument;
    }

    /// <summary>An option taking a whole number ≥ <paramref name="min"/>, whose error says so.</summary>
    public static Option<int> WholeNumber(string name, int min, string description, int? defaultValue = null)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = "N",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (int.TryParse(text, out var n) && n >= min) return n;
                result.AddError($"{name} takes a whole number ≥ {min}, not '{text}'.");
                return 0;
            },
        };
        if (defaultValue is { } value) option.DefaultValueFactory = _ => value;
        return option;
    }

    private static IEnumerable<string> CommandPath(SymbolResult? result, RootCommand root) => result switch
    {
        CommandResult { Command: var command } when command == root => [root.HelpName ?? root.Name],
        CommandResult command => [.. CommandPath(command.Parent, root), command.Command.Name],
        _ => [],
    };
}
