using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Mentoring.Matching.Benchmarks.Anchors;

/// <summary>
/// Every feasible pair of a problem on disk, for the anchors that need them all: a JSON sidecar
/// (<c>NAME.json</c>) with the counts, and beside it <c>NAME.bin</c> (little-endian int32 triples
/// mentee, mentor, score, in mentee then mentor order) and <c>NAME.capacities.bin</c> (one int32 per
/// mentor). Plain arrays so NumPy can read them with <c>np.fromfile</c>.
/// </summary>
internal sealed record PairsFile(int Mentees, int Mentors, long Pairs, int MaxScore, string PairsPath, string CapacitiesPath)
{
    private const int MenteesPerBatch = 64;

    /// <summary>Scans every (mentee, mentor) of the problem and writes the feasible ones next to <paramref name="sidecarPath"/>.</summary>
    public static PairsFile Write(MatchingProblem problem, string sidecarPath)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var compiled = problem.Compiled;
        var stem = Path.ChangeExtension(Path.GetFullPath(sidecarPath), null);
        Directory.CreateDirectory(Path.GetDirectoryName(stem) ?? ".");
        var pairsPath = stem + ".bin";
        var capacitiesPath = stem + ".capacities.bin";
        var mentorCount = compiled.MentorCount;

        // Mentees are scanned in parallel a batch at a time, each into its own row buffer, and the rows
        // are written in mentee order: the file is the same whatever the thread timing.
        var rows = new int[MenteesPerBatch][];
        var lengths = new int[MenteesPerBatch];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new int[mentorCount * 3];
        }

        long pairs = 0;
        using (var output = new FileStream(pairsPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (var first = 0; first < compiled.MenteeCount; first += MenteesPerBatch)
            {
                var count = Math.Min(MenteesPerBatch, compiled.MenteeCount - first);
                var batchStart = first;
                Parallel.For(0, count, r => lengths[r] = ScanRow(compiled, batchStart + r, rows[r]));
                for (var r = 0; r < count; r++)
                {
                    output.Write(MemoryMarshal.AsBytes(rows[r].AsSpan(0, lengths[r])));
                    pairs += lengths[r] / 3;
                }
            }
        }

        File.WriteAllBytes(capacitiesPath, MemoryMarshal.AsBytes(compiled.MentorCapacity.AsSpan()).ToArray());
        var file = new PairsFile(compiled.MenteeCount, mentorCount, pairs, compiled.MaxPairScore, pairsPath, capacitiesPath);
        File.WriteAllText(sidecarPath, JsonSerializer.Serialize(new Sidecar(
            "int32 little-endian triples (mentee, mentor, score), mentee then mentor order",
            file.Mentees,
            file.Mentors,
            file.Pairs,
            file.MaxScore,
            Path.GetFileName(pairsPath),
            Path.GetFileName(capacitiesPath))) + "\n");
        return file;
    }

    /// <summary>Reads the sidecar written by <see cref="Write"/>.</summary>
    public static PairsFile Read(string sidecarPath)
    {
        var sidecar = JsonSerializer.Deserialize<Sidecar>(File.ReadAllText(sidecarPath))
            ?? throw new InvalidDataException($"{sidecarPath} is empty");
        var folder = Path.GetDirectoryName(Path.GetFullPath(sidecarPath)) ?? ".";
        return new PairsFile(sidecar.Mentees, sidecar.Mentors, sidecar.Pairs, sidecar.MaxScore,
            Path.Combine(folder, sidecar.PairsFile), Path.Combine(folder, sidecar.CapacitiesFile));
    }

    /// <summary>Each mentor's capacity.</summary>
    public int[] ReadCapacities() => MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(CapacitiesPath)).ToArray();

    /// <summary>Streams the (mentee, mentor, score) triples in file order, a block at a time.</summary>
    public void ForEachBlock(Action<ReadOnlySpan<int>> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var buffer = new int[3 << 20];
        var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
        using var input = new FileStream(PairsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        long read = 0;
        int got;
        while ((got = input.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false)) > 0)
        {
            if (got % 12 != 0)
            {
                throw new InvalidDataException($"{PairsPath} does not hold whole (mentee, mentor, score) triples");
            }

            block(buffer.AsSpan(0, got / 4));
            read += got / 12;
        }

        if (read != Pairs)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{PairsPath} holds {read} pairs, its sidecar says {Pairs}"));
        }
    }

    private static int ScanRow(Engine.CompiledProblem compiled, int mentee, int[] row)
    {
        var length = 0;
        for (var mentor = 0; mentor < compiled.MentorCount; mentor++)
        {
            var score = compiled.ScoreIfFeasible(mentee, mentor);
            if (score >= 0)
            {
                row[length++] = mentee;
                row[length++] = mentor;
                row[length++] = score;
            }
        }

        return length;
    }

    private sealed record Sidecar(string Format, int Mentees, int Mentors, long Pairs, int MaxScore, string PairsFile, string CapacitiesFile);
}
