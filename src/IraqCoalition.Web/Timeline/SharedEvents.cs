using IraqCoalition.Data.Events;

namespace IraqCoalition.Web.Timeline;

/// <summary>
/// One instance of each timeline event for all circuits: every circuit on the timeline keeps the
/// events of its axis and list (a few hundred, with their evidence sentences), and most readers look
/// at the same ones, so without this each circuit held its own copy of the same strings.
/// </summary>
/// <remarks>
/// Every read still goes to the database, with the reader's own filters, and an event is shared only
/// when it equals the kept one in every field (a record's value equality), so an editor's change or a
/// new report count shows at once: the changed read becomes the kept instance, and nothing needs
/// invalidating. Events are held weakly: one no circuit holds any more is collected, and its entry is
/// swept once the table has doubled.
/// </remarks>
public sealed class SharedEvents
{
    private const int MinimumSweep = 1_024;

    private readonly Dictionary<long, WeakReference<TimelineEvent>> _kept = [];
    private readonly Lock _lock = new();
    private int _sweepAt = MinimumSweep;

    /// <summary>Entries in the table, collected ones included until the next sweep (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _kept.Count;
            }
        }
    }

    /// <summary>The events of <paramref name="read"/>, in order, each replaced by the kept instance equal to it.</summary>
    public IReadOnlyList<TimelineEvent> Share(IReadOnlyList<TimelineEvent> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var shared = new TimelineEvent[read.Count];
        lock (_lock)
        {
            for (var i = 0; i < read.Count; i++)
            {
                shared[i] = ShareOne(read[i]);
            }

            if (_kept.Count >= _sweepAt)
            {
                Sweep();
            }
        }

        return shared;
    }

    private TimelineEvent ShareOne(TimelineEvent e)
    {
        if (!_kept.TryGetValue(e.Id, out var weak))
        {
            _kept[e.Id] = new WeakReference<TimelineEvent>(e);
            return e;
        }

        if (weak.TryGetTarget(out var kept) && kept.Equals(e))
        {
            return kept;
        }

        // New, or changed since it was kept: circuits holding the old instance keep what they read.
        weak.SetTarget(e);
        return e;
    }

    private void Sweep()
    {
        foreach (var (id, weak) in _kept)
        {
            if (!weak.TryGetTarget(out _))
            {
                _kept.Remove(id);
            }
        }

        _sweepAt = Math.Max(MinimumSweep, _kept.Count * 2);
    }
}
