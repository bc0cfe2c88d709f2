namespace Mentoring.Matching.Engine;

/// <summary>A fixed, well-mixed hash of two indexes: where a deterministic choice should still look random.</summary>
internal static class CandidateHash
{
    public static uint Of(int a, int b)
    {
        var h = ((uint)a * 0x9E3779B1u) ^ ((uint)b * 0x85EBCA77u);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h;
    }
}
