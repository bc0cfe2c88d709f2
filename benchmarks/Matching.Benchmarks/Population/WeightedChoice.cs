namespace Mentoring.Matching.Benchmarks.Population;

/// <summary>Draws an index with probability proportional to its weight; the mixes of the synthetic workforce.</summary>
internal sealed class WeightedChoice
{
    private readonly double[] cumulative;

    public WeightedChoice(params double[] weights)
    {
        cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        for (var i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] /= sum;
        }
    }

    public int Next(Random random)
    {
        var draw = random.NextDouble();
        var index = Array.BinarySearch(cumulative, draw);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }
}
