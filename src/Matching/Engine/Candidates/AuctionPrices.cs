namespace Mentoring.Matching.Engine;

/// <summary>
/// A short auction that prices popular mentors before the first solve. Mentees bid in turn for the
/// mentor with the best score less price, raising that mentor's price by how much they prefer it
/// to their next choice; an outbid mentee bids again. The result is a heuristic, never trusted for
/// optimality: it only chooses good first candidates (each mentee's winning mentor and its best
/// mentors net of price), so the first exact solve starts close to the optimum. Without it, mentees
/// of common profiles all list the same few rare, high-scoring mentors and pricing needs many
/// rounds to find them alternatives.
/// </summary>
internal static class AuctionPrices
{
    /// <summary>Bids allowed per mentee: enough to settle prices, few enough to stay cheap.</summary>
    private const int BidsPerMentee = 2;

    /// <returns>The price of each mentor and each mentee's winning mentor (or -1).</returns>
    public static (long[] Price, int[] Winner) Run(MentorIndex index, int[] mentees, int[] mentorCapacity, int scoreFloor, CancellationToken cancellationToken)
    {
        var mentorCount = mentorCapacity.Length;
        var firstSlot = new int[mentorCount + 1];
        for (var j = 0; j < mentorCount; j++)
        {
            firstSlot[j + 1] = firstSlot[j] + Math.Max(0, mentorCapacity[j]);
        }

        // Each unit of capacity is a slot with its own price and holder; a mentor costs its cheapest slot.
        var slotPrice = new long[firstSlot[mentorCount]];
        var slotHolder = new int[slotPrice.Length];
        Array.Fill(slotHolder, -1);
        var price = new long[mentorCount];
        var prices = new MentorPrices(index, price);
        var winner = new int[mentees.Length];
        Array.Fill(winner, -1);

        var waiting = new Queue<int>(Enumerable.Range(0, mentees.Length));
        var best = new BestCandidates(2);
        for (var bids = (long)BidsPerMentee * mentees.Length; waiting.Count > 0 && bids > 0; bids--)
        {
            if ((bids & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var k = waiting.Dequeue();
            best.Clear();
            var cursor = index.Cursor(mentees[k], scoreFloor, prices);
            while (cursor.MoveNext(best.IsFull ? best.WeakestKey : long.MinValue + 1))
            {
                best.Offer(cursor.Mentor, cursor.Score, cursor.Score - price[cursor.Mentor], cursor.Visited);
            }

            if (best.Count == 0)
            {
                continue;
            }

            var (mentor, _) = best.ToArray()[0];
            var increment = 1 + (best.Count == 2 ? best.StrongestKey - best.WeakestKey : 0);
            var slot = CheapestSlot(slotPrice, firstSlot[mentor], firstSlot[mentor + 1]);
            if (slotHolder[slot] >= 0)
            {
                winner[slotHolder[slot]] = -1;
                waiting.Enqueue(slotHolder[slot]);
            }

            slotHolder[slot] = k;
            slotPrice[slot] += increment;
            winner[k] = mentor;
            prices.Raise(mentor, slotPrice[CheapestSlot(slotPrice, firstSlot[mentor], firstSlot[mentor + 1])]);
        }

        return (price, winner);
    }

    private static int CheapestSlot(long[] slotPrice, int first, int end)
    {
        var cheapest = first;
        for (var slot = first + 1; slot < end; slot++)
        {
            if (slotPrice[slot] < slotPrice[cheapest])
            {
                cheapest = slot;
            }
        }

        return cheapest;
    }
}
