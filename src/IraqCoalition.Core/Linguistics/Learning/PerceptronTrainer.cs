namespace IraqCoalition.Core.Linguistics.Learning;

/// <summary>
/// Averaged perceptron weights while training (Collins 2002; the lazy averaging of Honnibal's
/// tagger): each feature keeps only the classes it was ever updated for, as a linked list in flat
/// arrays, so millions of features cost a few entries each instead of a dense row of every class.
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly Dictionary<ulong, int> _index = new();
    private readonly List<int> _head = [];
    private readonly List<int> _seen = [];
    private int[] _cls = new int[1 << 16];
    private int[] _next = new int[1 << 16];
    private int[] _stamp = new int[1 << 16];
    private float[] _w = new float[1 << 16];
    private double[] _total = new double[1 << 16];
    private int _entries;
    private int _instances;

    public PerceptronTrainer(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        Classes = classes;
    }

    public int Classes { get; }

    public int FeatureCount => _index.Count;

    /// <summary>Adds the current weights of every class to <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[..Classes].Clear();
        foreach (var f in features)
        {
            if (!_index.TryGetValue(f, out var id))
            {
                continue;
            }

            for (var e = _head[id]; e >= 0; e = _next[e])
            {
                scores[_cls[e]] += _w[e];
            }
        }
    }

    /// <summary>One training instance: rewards the truth and penalises the guess when they differ.</summary>
    public void Update(int truth, int guess, ReadOnlySpan<ulong> features)
    {
        _instances++;
        if (truth == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            if (!_index.TryGetValue(f, out var id))
            {
                id = _head.Count;
                _index[f] = id;
                _head.Add(-1);
                _seen.Add(0);
            }

            _seen[id]++;
            Add(id, truth, 1f);
            Add(id, guess, -1f);
        }
    }

    private void Add(int id, int cls, float delta)
    {
        var e = _head[id];
        while (e >= 0 && _cls[e] != cls)
        {
            e = _next[e];
        }

        if (e < 0)
        {
            e = NewEntry(cls, _head[id]);
            _head[id] = e;
        }

        _total[e] += (double)(_instances - _stamp[e]) * _w[e];
        _stamp[e] = _instances;
        _w[e] += delta;
    }

    private int NewEntry(int cls, int next)
    {
        if (_entries == _cls.Length)
        {
            var n = _cls.Length * 2;
            Array.Resize(ref _cls, n);
            Array.Resize(ref _next, n);
            Array.Resize(ref _stamp, n);
            Array.Resize(ref _w, n);
            Array.Resize(ref _total, n);
        }

        var e = _entries++;
        _cls[e] = cls;
        _next[e] = next;
        _stamp[e] = _instances;
        _w[e] = 0;
        _total[e] = 0;
        return e;
    }

    /// <summary>
    /// The averaged weights as a compact model. Features updated fewer than <paramref name="minUpdates"/>
    /// times and weights below <paramref name="minWeight"/> are dropped: they are mostly one-off
    /// words whose averaged weight is near zero, and dropping them keeps the model small.
    /// </summary>
    public PerceptronModel Average(int minUpdates = 1, float minWeight = 1e-3f)
    {
        var now = Math.Max(_instances, 1);
        var keys = new List<ulong>(_index.Count);
        var starts = new List<int>(_index.Count + 1);
        var cls = new List<ushort>();
        var ws = new List<float>();
        foreach (var (key, id) in _index)
        {
            if (_seen[id] < minUpdates)
            {
                continue;
            }

            var start = cls.Count;
            for (var e = _head[id]; e >= 0; e = _next[e])
            {
                var total = _total[e] + (double)(_instances - _stamp[e]) * _w[e];
                var avg = (float)(total / now);
                if (Math.Abs(avg) >= minWeight)
                {
                    cls.Add((ushort)_cls[e]);
                    ws.Add(avg);
                }
            }

            if (cls.Count > start)
            {
                keys.Add(key);
                starts.Add(start);
            }
        }

        starts.Add(cls.Count);
        return PerceptronModel.Build(Classes, keys, starts, cls, ws);
    }
}
