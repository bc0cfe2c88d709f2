using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Mentoring.Matching.Benchmarks;

/// <summary>
/// One launch, one warm-up and five measured runs per case, allocations measured
/// (the default exporters, GitHub markdown among them, stay). A solve at
/// these sizes takes seconds, so BenchmarkDotNet's pilot and many iterations would take hours on the 2-core machine.
/// </summary>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
