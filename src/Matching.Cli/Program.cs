using Mentoring.Matching.Cli;

return Cli.Run(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
