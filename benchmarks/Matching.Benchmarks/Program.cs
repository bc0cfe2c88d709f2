using BenchmarkDotNet.Running;
using Mentoring.Matching.Benchmarks.Anchors;
using Mentoring.Matching.Benchmarks.Commands;

return args.FirstOrDefault() switch
{
    "generate" => GenerateCommand.Run(new CommandOptions(args.Skip(1)), Console.Out),
    "measure" => MeasureCommand.Run(new CommandOptions(args.Skip(1)), Console.Out),
    "pairs" => PairsCommand.Run(new CommandOptions(args.Skip(1)), Console.Out),
    "load" => LoadCommand.Run(new CommandOptions(args.Skip(1)), Console.Out),
    "ortools-direct" => OrToolsDirectCommand.Run(new CommandOptions(args.Skip(1)), Console.Out),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
