using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace MnistCourse.CommandLine;

/// <summary>
/// How the course's programs (launcher, runner, bench) treat their command lines, on System.CommandLine: a bad one
/// exits 2 after naming what is wrong and where the help is; a command that throws exits 1 with its message in one
/// line; no command at all, or `help`, prints the help.
/// </summary>
public static class CourseCommandLine
{
    public static async Task<int> RunAsync(this RootCommand root, string[] args)
    {
        if (root.Action is null)
        {
            root.SetAction(_ => root.Parse("--help").Invoke());
            root.Add(new Command("help") { Hidden = true }.WithAction(_ => root.Parse("--help").Invoke()));
        }
        root.Options.Remove(root.Options.OfType<VersionOption>().Single()); // the course has no version of its own

        var parsed = root.Parse(args);
        var command = string.Join(' ', [root.HelpName ?? root.Name, .. parsed.Tokens.Where(t => t.Type == TokenType.Command).Select(t => t.Value)]);
        if (parsed.Action is ParseErrorAction errors)
        {
            errors.ShowHelp = parsed.CommandResult.Command == root && root.Subcommands.Count > 0; // an unknown command: list them
            errors.ShowTypoCorrections = false; // it offers -h for any unknown word; the help lists what there is
            errors.Invoke(parsed);
            Console.Error.WriteLine($"See: {command} --help");
            return 2;
        }
        try
        {
            // No termination handler: Ctrl+C ends a course program as it ends any other.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"{command.TrimStart('.', '/')}: {e.Message}");
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
    public static Option<int> WholeNumber(string name, int min, string description, int? defaultValue = null) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = defaultValue is { } value ? _ => value : null,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, out var n) && n >= min) return n;
            result.AddError($"{name} takes a whole number ≥ {min}, not '{text}'.");
            return 0;
        },
    };
}
