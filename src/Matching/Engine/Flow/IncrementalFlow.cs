namespace Mentoring.Matching.Engine;

/// <summary>
/// One restricted assignment solved by successive shortest paths, kept with its dual prices between
/// pricing rounds so that pairs added later repair the last optimum instead of solving again.
/// <para>
/// The flow: each mentee supplies one unit, which reaches the sink either through a candidate mentor
/// (profit <c>M + score</c>) or straight, unmatched (profit 0); a mentor passes at most its capacity.
/// A mentee holds a value <c>u</c>, a mentor a price <c>v</c>, the sink 0; every arc with room left has a
/// non-negative reduced cost (<c>u + v - profit</c> on a pair, <c>u</c> on the unmatched arc, <c>-v</c> on a
/// mentor with room; negated on the arcs' reverses). Augmenting along a shortest path and raising
/// prices by its distances keeps that true, so once every unit is placed the flow is optimal.
/// The branches below rely on what it implies: a mentor with room has a price of at most 0, a
/// mentor passing any unit at least 0 (so one with both is at exactly 0), and an unmatched mentee
/// a value of at most 0.
/// </para>
/// <para>
/// New pairs that beat <c>u + v</c> are repaired mentee by mentee: the mentee lets go of its pair and
/// takes the value of its best pair, and searches again. A mentor it leaves keeps the unit it passed
/// on (a <em>vacancy</em>) while its price is positive, since a mentor with room must be free. The
/// searches of released mentees end at a vacancy when it is nearer than the sink, refilling it; a
/// search backwards from each vacancy left finds the cheapest way to fill it or let its price fall.
/// (A search that ends at the sink while vacancies wait leaves the sink one unit over; the backward
/// search of a vacancy takes that unit back.)
/// </para>
/// </summary>
internal sealed class IncrementalFlow : IRestrictedAssignment
{
    private const int Unrouted = -2;
    private const int Unmatched = -1;

    private readonly int _menteeCount;
    private readonly int[] _capacity;
    private readonly PairProfit _profit;
    private readonly int _sink;

    private readonly long[] _value;
    private readonly long[] _price;
    /// <summary>Units each mentor passes to the sink: one per mentee it holds plus its vacancies.</summary>
    private readonly int[] _used;
    private readonly int[] _vacancies;
    private readonly int[] _arcOf;
    private readonly MentorHolders _holders;
    private readonly ShortestPathScratch _scratch;

    private CandidateGraph _graph = CandidateGraph.Empty;

    /// <param name="menteeCount">Local mentees 0..menteeCount-1.</param>
    /// <param name="mentorCapacity">Capacity by mentor index.</param>
    /// <param name="profit">Each pair's profit: <c>M + K × kept + score</c>.</param>
    public IncrementalFlow(int menteeCount, int[] mentorCapacity, PairProfit profit)
    {
        _menteeCount = menteeCount;
        _capacity = mentorCapacity;
        _profit = profit;
        _sink = menteeCount + mentorCapacity.Length;
        _value = new long[menteeCount];
        _price = new long[mentorCapacity.Length];
        _used = new int[mentorCapacity.Length];
        _vacancies = new int[mentorCapacity.Length];
        _arcOf = new int[menteeCount];
        Array.Fill(_arcOf, Unrouted);
        _holders = new MentorHolders(menteeCount, mentorCapacity.Length);
        _scratch = new ShortestPathScratch(_sink + 1);
    }

    /// <summary>Solves on <paramref name="arcs"/>, which hold every pair of the last call and maybe more after them.</summary>
    /// <returns>
    /// The optimal choice with the flow's own dual prices. The flow only needs an empty mentor's price and
    /// an unmatched mentee's value to be at most 0; they are reported as 0, which every pair still satisfies.
    /// </returns>
    public RestrictedSolution Solve(CandidateArcs arcs, CancellationToken cancellationToken)
    {
        var known = _graph.ArcCount;
        _graph = new CandidateGraph(arcs, _menteeCount, _capacity.Length);
        ReleaseMenteesBeatenBy(arcs, known);

        var routed = 0;
        for (var mentee = 0; mentee < _menteeCount; mentee++)
        {
            if (_arcOf[mentee] == Unrouted)
            {
                if ((routed++ & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                RouteForward(mentee);
            }
        }

        for (var mentor = 0; mentor < _vacancies.Length; mentor++)
        {
            while (_vacancies[mentor] > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                FillBackward(mentor);
            }
        }

        // A held pair's arc is full, so the flow leaves its value + price free to fall short of its
        // profit; raising the value to meet it keeps every reduced cost non-negative and the prices tight.
        var chosen = new int[_menteeCount];
        var value = new long[_menteeCount];
        for (var mentee = 0; mentee < _menteeCount; mentee++)
        {
            var arc = _arcOf[mentee];
            chosen[mentee] = Math.Max(-1, arc); // unmatched (every unit is routed by now)
            if (arc >= 0)
            {
                _value[mentee] = Profit(arc) - _price[_graph.Arcs.Mentor[arc]];
            }

            value[mentee] = Math.Max(0, _value[mentee]);
        }

        var price = new long[_price.Length];
        for (var mentor = 0; mentor < price.Length; mentor++)
        {
            price[mentor] = Math.Max(0, _price[mentor]);
        }

        return new RestrictedSolution(chosen, value, price);
    }

    private long Profit(int arc) => _profit.Of(_graph.Arcs, arc);

    private int MentorNode(int mentor) => _menteeCount + mentor;

    /// <summary>
    /// Every mentee on a new pair whose profit beats its value plus the mentor's price lets go of
    /// its unit (on the first call: every mentee, as none is placed yet).
    /// </summary>
    private void ReleaseMenteesBeatenBy(CandidateArcs arcs, int known)
    {
        var mentees = arcs.Mentee;
        var mentors = arcs.Mentor;
        for (var arc = known; arc < arcs.Count; arc++)
        {
            var mentee = mentees[arc];
            if (_arcOf[mentee] != Unrouted && _value[mentee] + _price[mentors[arc]] < Profit(arc))
            {
                Release(mentee);
            }
        }

        for (var mentee = 0; mentee < _menteeCount; mentee++)
        {
            if (_arcOf[mentee] == Unrouted)
            {
                // Its best pair at current prices (or nothing, unmatched): every arc out of it is then feasible.
                var best = 0L;
                foreach (var arc in _graph.ArcsOfMentee(mentee))
                {
                    best = Math.Max(best, Profit(arc) - _price[mentors[arc]]);
                }

                _value[mentee] = best;
            }
        }
    }

    private void Release(int mentee)
    {
        var arc = _arcOf[mentee];
        _arcOf[mentee] = Unrouted;
        if (arc < 0)
        {
            return;
        }

        var mentor = _graph.Arcs.Mentor[arc];
        _holders.Remove(mentee, mentor);
        if (_price[mentor] > 0)
        {
            _vacancies[mentor]++;
        }
        else
        {
            _used[mentor]--;
        }
    }

    /// <summary>
    /// Routes an unplaced mentee's unit along a shortest path (Dijkstra) to the sink or to a mentor's
    /// vacancy, whichever is nearer: filling a vacancy on the way spares a backward search.
    /// </summary>
    private void RouteForward(int source)
    {
        var s = _scratch;
        s.Start(source);
        var mentors = _graph.Arcs.Mentor;
        var target = _sink;
        while (s.TryPop(out var reached, out var distance))
        {
            if (reached == _sink)
            {
                break;
            }

            if (reached < _menteeCount)
            {
                if (_arcOf[reached] != Unmatched)
                {
                    s.Relax(_sink, distance + _value[reached], reached, -1);
                }

                foreach (var arc in _graph.ArcsOfMentee(reached))
                {
                    if (arc != _arcOf[reached])
                    {
                        var mentor = mentors[arc];
                        var toMentor = distance + _value[reached] + _price[mentor] - Profit(arc);
                        s.Relax(MentorNode(mentor), toMentor, reached, arc);

                        // A tight arc to a free mentor or a vacancy ends the search at once: nothing can be nearer,
                        // as no node still queued is nearer than the one being expanded; with scores this coarse,
                        // its ties would otherwise be explored first.
                        if (toMentor == distance && s.Distance(MentorNode(mentor)) == distance)
                        {
                            if (_vacancies[mentor] > 0)
                            {
                                target = MentorNode(mentor);
                                break;
                            }

                            if (_used[mentor] < _capacity[mentor] && _price[mentor] == 0)
                            {
                                s.Relax(_sink, distance, MentorNode(mentor), -1);
                                break;
                            }
                        }
                    }
                }

                if (target != _sink || s.Distance(_sink) == distance)
                {
                    break;
                }
            }
            else
            {
                var mentor = reached - _menteeCount;
                if (_vacancies[mentor] > 0)
                {
                    target = reached;
                    break;
                }

                if (_used[mentor] < _capacity[mentor])
                {
                    s.Relax(_sink, distance - _price[mentor], reached, -1);
                    if (s.Distance(_sink) == distance)
                    {
                        break;
                    }
                }

                for (var holder = _holders.First(mentor); holder >= 0; holder = _holders.Next(holder))
                {
                    s.Relax(holder, distance + Profit(_arcOf[holder]) - _value[holder] - _price[mentor], reached, -1);
                }
            }

            if (s.Distance(_sink) == distance)
            {
                break;
            }
        }

        // Nodes settled nearer than the target move by what they were ahead: values fall, prices rise.
        ShiftSettled(s.Distance(target), -1);

        // Walk back from the target: each mentee on the path takes the arc that led out of it.
        int node;
        var nextArc = Unmatched;
        if (target != _sink)
        {
            _vacancies[target - _menteeCount]--;
            node = target;
        }
        else
        {
            node = s.Previous(_sink);
            if (node >= _menteeCount)
            {
                _used[node - _menteeCount]++;
            }
        }

        while (true)
        {
            if (node >= _menteeCount)
            {
                nextArc = s.Via(node);
                node = s.Previous(node);
                continue;
            }

            Move(node, nextArc);
            if (node == source)
            {
                return;
            }

            node = s.Previous(node);
        }
    }

    /// <summary>
    /// Fills one vacancy of <paramref name="vacant"/> along a shortest path from the sink (Dijkstra on
    /// reversed arcs): a mentee moves in from a mentor whose price is lower, or an unmatched mentee
    /// takes the place, or, when that costs more than the price, the price falls and the room stays.
    /// </summary>
    private void FillBackward(int vacant)
    {
        var s = _scratch;
        s.Start(MentorNode(vacant));
        var mentees = _graph.Arcs.Mentee;
        var mentors = _graph.Arcs.Mentor;
        while (s.TryPop(out var reached, out var distance))
        {
            if (reached == _sink)
            {
                break;
            }

            if (reached >= _menteeCount)
            {
                var mentor = reached - _menteeCount;
                if (_used[mentor] > 0)
                {
                    // A mentor at price 0 ends the search here, before its (often many) arcs are read.
                    s.Relax(_sink, distance + _price[mentor], reached, -1);
                    if (s.Distance(_sink) == distance)
                    {
                        break;
                    }
                }

                foreach (var arc in _graph.ArcsOfMentor(mentor))
                {
                    var mentee = mentees[arc];
                    if (_arcOf[mentee] != arc)
                    {
                        s.Relax(mentee, distance + _value[mentee] + _price[mentor] - Profit(arc), reached, arc);
                    }
                }
            }
            else if (_arcOf[reached] >= 0)
            {
                var arc = _arcOf[reached];
                var mentor = mentors[arc];
                s.Relax(MentorNode(mentor), distance + Profit(arc) - _value[reached] - _price[mentor], reached, -1);
            }
            else
            {
                s.Relax(_sink, distance - _value[reached], reached, -1);
            }

            if (s.Distance(_sink) == distance)
            {
                break;
            }
        }

        // Settled nodes are nearer the vacancy than the sink: values rise, prices fall, by the difference.
        ShiftSettled(s.Distance(_sink), +1);

        // Walk from the sink to the vacancy: a mentor left first passes one unit less; each mentee on
        // the way takes the arc towards the vacancy; the vacancy itself is then filled or released.
        var node = s.Previous(_sink);
        if (node >= _menteeCount)
        {
            _used[node - _menteeCount]--;
        }

        while (true)
        {
            if (node >= _menteeCount)
            {
                if (node == MentorNode(vacant))
                {
                    _vacancies[vacant]--;
                    return;
                }

                node = s.Previous(node);
                continue;
            }

            var arc = s.Via(node);
            Move(node, arc);
            node = s.Previous(node);
        }
    }

    /// <summary>
    /// The potential update after a search: every settled node moves by how much nearer it was than
    /// the search's end (<paramref name="total"/>), which keeps every reduced cost non-negative and
    /// makes the path found tight. <paramref name="direction"/> is -1 after a forward search (values
    /// fall, prices rise) and +1 after a backward one.
    /// </summary>
    private void ShiftSettled(long total, int direction)
    {
        foreach (var settled in _scratch.Settled)
        {
            var shift = direction * (total - _scratch.Distance(settled));
            if (settled < _menteeCount)
            {
                _value[settled] += shift;
            }
            else if (settled != _sink)
            {
                _price[settled - _menteeCount] -= shift;
            }
        }
    }

    /// <summary>Moves a mentee's unit onto <paramref name="arc"/> (or to the unmatched arc when negative).</summary>
    private void Move(int mentee, int arc)
    {
        var old = _arcOf[mentee];
        if (old >= 0)
        {
            _holders.Remove(mentee, _graph.Arcs.Mentor[old]);
        }

        _arcOf[mentee] = arc;
        if (arc >= 0)
        {
            _holders.Add(mentee, _graph.Arcs.Mentor[arc]);
        }
    }
}
