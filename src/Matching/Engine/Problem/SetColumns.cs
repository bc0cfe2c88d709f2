using System.Numerics;

namespace Mentoring.Matching.Engine;

/// <summary>
/// The v2 set-valued columns (<c>similarities</c> and <c>requireSame</c>): each participant's value in
/// each column as a bit set over that column's distinct parts, so the values a pair shares are one
/// AND and a bit count a word. A column with k distinct parts costs ⌈k / 64⌉ words a participant.
/// </summary>
internal sealed class SetColumns
{
    /// <summary>
    /// Up to this many (mentee key, mentor key) pairs, every mentee key ranks the mentor keys by what they
    /// add (4 bytes a pair, twice), so a walk can visit a profile's set values best first.
    /// </summary>
    private const int MaxRankedKeyPairs = 1 << 22;

    private readonly string[] _names;
    private readonly int[] _weight;
    private readonly bool[] _required;
    private readonly int[] _wordStart;
    private readonly int _words;
    private readonly string[][] _parts;
    private readonly ulong[] _mentee;
    private readonly ulong[] _mentor;
    private readonly int[] _menteeMaxScore;
    private readonly int[] _mentorKey;
    private readonly int[] _menteeKey;
    private readonly KeyRanking[] _rankings;
    private readonly int _similarityCount;

    public SetColumns(MatchingPolicy policy, IReadOnlyList<Person> people, int[] mentees, int[] mentors)
    {
        // Similarity columns in policy order, then the columns only requireSame names.
        var weights = policy.Similarities.ToDictionary(s => Text.Normalize(s.Key), s => s.Value, StringComparer.Ordinal);
        var required = policy.RequireSame.Select(Text.Normalize).ToHashSet(StringComparer.Ordinal);
        _names = [.. policy.Similarities.Keys.Select(Text.Normalize), .. required.Where(r => !weights.ContainsKey(r)).Order(StringComparer.Ordinal)];
        _similarityCount = weights.Count;
        _weight = [.. _names.Select(n => weights.GetValueOrDefault(n))];
        _required = [.. _names.Select(required.Contains)];

        var menteeParts = PartCodes(people, mentees, out var codes);
        var mentorParts = PartCodes(people, mentors, codes);
        _parts = [.. codes.Select(c => c.OrderBy(p => p.Value).Select(p => p.Key).ToArray())];
        _wordStart = new int[_names.Length + 1];
        for (var c = 0; c < _names.Length; c++)
        {
            _wordStart[c + 1] = _wordStart[c] + Math.Max(1, (_parts[c].Length + 63) / 64);
        }

        _words = _names.Length == 0 ? 0 : _wordStart[^1];
        _mentee = Bits(menteeParts);
        _mentor = Bits(mentorParts);
        _menteeMaxScore = new int[mentees.Length];
        for (var k = 0; k < mentees.Length; k++)
        {
            for (var c = 0; c < _names.Length; c++)
            {
                _menteeMaxScore[k] += _weight[c] * Count(_mentee, k, c);
            }
        }

        MaxScore = Enumerable.Range(0, _names.Length).Sum(c => _weight[c] * _parts[c].Length);
        _mentorKey = Keys(_mentor, mentors.Length, out var mentorOfKey);
        _menteeKey = Keys(_mentee, mentees.Length, out var menteeOfKey);
        MentorKeyCount = mentorOfKey.Count;
        _rankings = _words > 0 && (long)menteeOfKey.Count * mentorOfKey.Count <= MaxRankedKeyPairs
            ? [.. menteeOfKey.Select(mentee => RankMentorKeys(mentee, mentorOfKey))]
            : [];
    }

    /// <summary>The mentor keys with what each adds against one mentee key, best first (ties: key); keys a <c>requireSame</c> column shares nothing with are left out.</summary>
    /// <param name="Keys">Mentor keys.</param>
    /// <param name="Scores">What each adds.</param>
    /// <param name="ScoreByKey">What each mentor key adds, by key; -1 when a <c>requireSame</c> column shares nothing.</param>
    internal sealed record KeyRanking(int[] Keys, int[] Scores, int[] ScoreByKey);

    /// <summary>How many distinct mentor keys there are.</summary>
    public int MentorKeyCount { get; }

    /// <summary>True when every mentee key ranks the mentor keys (see <see cref="Ranking"/>).</summary>
    public bool RanksKeys => _rankings.Length > 0;

    /// <summary>The mentor keys ranked for this mentee, when <see cref="RanksKeys"/>.</summary>
    public KeyRanking Ranking(int mentee) => _rankings[_menteeKey[mentee]];

    /// <summary>No pair's shared values can add more than this.</summary>
    public int MaxScore { get; }

    /// <summary>What the shared values add, or -1 when a required column shares none.</summary>
    public int ScoreIfShared(int mentee, int mentor)
    {
        var score = 0;
        for (var c = 0; c < _names.Length; c++)
        {
            var shared = Shared(mentee, mentor, c);
            if (shared == 0 && _required[c])
            {
                return -1;
            }

            score += _weight[c] * shared;
        }

        return score;
    }

    public int MenteeMaxScore(int mentee) => _menteeMaxScore[mentee];

    /// <summary>Equal keys mean equal values in every set column; keys number the distinct values from 0.</summary>
    public int MentorKey(int mentor) => _mentorKey[mentor];

    /// <summary>The values shared in each similarity column that shares any.</summary>
    public IReadOnlyList<SharedValues> Explain(int mentee, int mentor)
    {
        var explained = new List<SharedValues>();
        for (var c = 0; c < _similarityCount; c++)
        {
            var values = new List<string>();
            for (var part = 0; part < _parts[c].Length; part++)
            {
                var word = _wordStart[c] + (part >> 6);
                var mask = 1UL << (part & 63);
                if ((_mentee[(mentee * _words) + word] & _mentor[(mentor * _words) + word] & mask) != 0)
                {
                    values.Add(_parts[c][part]);
                }
            }

            if (values.Count > 0)
            {
                explained.Add(new SharedValues(_names[c], values, _weight[c]));
            }
        }

        return explained;
    }

    /// <summary>Each participant's key (equal bits, equal key) and, per key, its first participant.</summary>
    private int[] Keys(ulong[] bits, int participants, out List<int> firstOfKey)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[participants];
        firstOfKey = [];
        for (var k = 0; k < participants && _words > 0; k++)
        {
            var key = string.Join(',', bits.AsSpan(k * _words, _words).ToArray());
            if (!keys.TryGetValue(key, out var code))
            {
                keys.Add(key, code = keys.Count);
                firstOfKey.Add(k);
            }

            codes[k] = code;
        }

        return codes;
    }

    private KeyRanking RankMentorKeys(int mentee, List<int> mentorOfKey)
    {
        var ranked = new List<(int Key, int Score)>(mentorOfKey.Count);
        var scoreByKey = new int[mentorOfKey.Count];
        for (var key = 0; key < mentorOfKey.Count; key++)
        {
            var score = scoreByKey[key] = ScoreIfShared(mentee, mentorOfKey[key]);
            if (score >= 0)
            {
                ranked.Add((key, score));
            }
        }

        ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Key.CompareTo(b.Key));
        return new KeyRanking([.. ranked.Select(r => r.Key)], [.. ranked.Select(r => r.Score)], scoreByKey);
    }

    private int Shared(int mentee, int mentor, int column)
    {
        var shared = 0;
        for (var w = _wordStart[column]; w < _wordStart[column + 1]; w++)
        {
            shared += BitOperations.PopCount(_mentee[(mentee * _words) + w] & _mentor[(mentor * _words) + w]);
        }

        return shared;
    }

    private int Count(ulong[] bits, int person, int column)
    {
        var count = 0;
        for (var w = _wordStart[column]; w < _wordStart[column + 1]; w++)
        {
            count += BitOperations.PopCount(bits[(person * _words) + w]);
        }

        return count;
    }

    private List<int>[][] PartCodes(IReadOnlyList<Person> people, int[] participants, out Dictionary<string, int>[] codes)
    {
        codes = [.. _names.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
        return PartCodes(people, participants, codes);
    }

    /// <summary>Each participant's parts in each column as codes, numbered in order of first appearance.</summary>
    private List<int>[][] PartCodes(IReadOnlyList<Person> people, int[] participants, Dictionary<string, int>[] codes)
    {
        var parts = new List<int>[participants.Length][];
        var cache = new Dictionary<string, List<int>>[_names.Length];
        for (var c = 0; c < _names.Length; c++)
        {
            cache[c] = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        }

        for (var k = 0; k < participants.Length; k++)
        {
            var attributes = people[participants[k]].Attributes;
            parts[k] = new List<int>[_names.Length];
            for (var c = 0; c < _names.Length; c++)
            {
                var raw = attributes.TryGetValue(_names[c], out var value)
                    ? value
                    : attributes.FirstOrDefault(a => Text.Normalize(a.Key) == _names[c]).Value ?? string.Empty;
                if (!cache[c].TryGetValue(raw, out var list))
                {
                    list = [];
                    foreach (var part in Text.SplitSet(raw))
                    {
                        if (!codes[c].TryGetValue(part, out var code))
                        {
                            codes[c].Add(part, code = codes[c].Count);
                        }

                        list.Add(code);
                    }

                    cache[c].Add(raw, list);
                }

                parts[k][c] = list;
            }
        }

        return parts;
    }

    private ulong[] Bits(List<int>[][] parts)
    {
        var bits = new ulong[parts.Length * _words];
        for (var k = 0; k < parts.Length; k++)
        {
            for (var c = 0; c < _names.Length; c++)
            {
                foreach (var code in parts[k][c])
                {
                    bits[(k * _words) + _wordStart[c] + (code >> 6)] |= 1UL << (code & 63);
                }
            }
        }

        return bits;
    }
}
