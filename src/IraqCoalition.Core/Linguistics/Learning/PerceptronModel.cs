using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace IraqCoalition.Core.Linguistics.Learning;

/// <summary>
/// Averaged perceptron weights for prediction: an open-addressing table from feature key to a run of
/// (class, weight) entries. One probe per feature and a short contiguous run, no allocation; the
/// instance is immutable, so one model serves every thread.
/// </summary>
public sealed class PerceptronModel
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly Entry[] _entries;

    // Rows of every class, padded to whole vectors, for the features that carry most classes
    // (tag and tag-pair features): a few vector adds instead of a hundred scattered ones.
    private readonly float[] _dense;
    private readonly int _padded;

    private PerceptronModel(int classes, Slot[] slots, Entry[] entries, float[] dense, int features)
    {
        Classes = classes;
        _slots = slots;
        _mask = slots.Length - 1;
        _entries = entries;
        _dense = dense;
        _padded = Padded(classes);
        FeatureCount = features;
    }

    private static int Padded(int classes) => (classes + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    public int Classes { get; }

    public int FeatureCount { get; }

    public int WeightCount => _entries.Length + _dense.Length;

    private struct Slot
    {
        public ulong Key;
        public int Start;

        /// <summary>Number of sparse entries at <see cref="Start"/>, or -1 for a dense row at <see cref="Start"/>.</summary>
        public int Count;
    }

    private struct Entry
    {
        public float W;
        public int Class;
    }

    internal static PerceptronModel Build(int classes, IReadOnlyList<ulong> keys, IReadOnlyList<int> starts, IReadOnlyList<ushort> cls, IReadOnlyList<float> ws)
    {
        var capacity = 16;
        while (capacity < keys.Count * 2)
        {
            capacity <<= 1;
        }

        var slots = new Slot[capacity];
        var mask = capacity - 1;
        var padded = Padded(classes);
        var entries = new List<Entry>(cls.Count);
        var dense = new List<float>();
        for (var i = 0; i < keys.Count; i++)
        {
            var s = (int)(keys[i] & (ulong)mask);
            while (slots[s].Key != 0)
            {
                s = (s + 1) & mask;
            }

            var count = starts[i + 1] - starts[i];
            if (count * 4 > classes)
            {
                var at = dense.Count;
                dense.AddRange(new float[padded]);
                for (var e = starts[i]; e < starts[i + 1]; e++)
                {
                    dense[at + cls[e]] = ws[e];
                }

                slots[s] = new Slot { Key = keys[i], Start = at, Count = -1 };
                continue;
            }

            slots[s] = new Slot { Key = keys[i], Start = entries.Count, Count = count };
            for (var e = starts[i]; e < starts[i + 1]; e++)
            {
                entries.Add(new Entry { W = ws[e], Class = cls[e] });
            }
        }

        return new PerceptronModel(classes, slots, [.. entries], [.. dense], keys.Count);
    }

    /// <summary>Sets <paramref name="scores"/> to the sum of the weights of <paramref name="features"/>.</summary>
    // Hot loops of the linguistic layer are compiled optimised at once: under tiered compilation
    // (the web host, the tests) a one-off long article ran for seconds in unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        Span<long> runs = features.Length <= 128 ? stackalloc long[features.Length] : new long[features.Length];
        Span<float> acc = _padded <= 512 ? stackalloc float[_padded] : new float[_padded];
        acc.Clear();
        var found = Find(features, runs);
        var entries = _entries;
        var accV = MemoryMarshal.Cast<float, Vector<float>>(acc);
        foreach (var run in runs[..found])
        {
            var start = (int)(run >> 16);
            var count = (short)(run & 0xFFFF);
            if (count < 0)
            {
                var row = MemoryMarshal.Cast<float, Vector<float>>(_dense.AsSpan(start, _padded));
                for (var k = 0; k < accV.Length; k++)
                {
                    accV[k] += row[k];
                }

                continue;
            }

            foreach (ref readonly var e in entries.AsSpan(start, count))
            {
                acc[e.Class] += e.W;
            }
        }

        acc[..Classes].CopyTo(scores);
    }

    // The tables are far larger than the cache and each feature lands at a random place: every
    // slot is requested before any is read, then every run of weights, so the misses overlap
    // instead of being paid one after another.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe int Find(ReadOnlySpan<ulong> features, Span<long> runs)
    {
        var slots = _slots;
        var mask = _mask;
        fixed (Slot* p = slots)
        fixed (Entry* entries = _entries)
        fixed (float* dense = _dense)
        {
            if (Sse.IsSupported)
            {
                foreach (var f in features)
                {
                    Sse.Prefetch0(p + (int)(f & (ulong)mask));
                }
            }

            var found = 0;
            foreach (var f in features)
            {
                var s = (int)(f & (ulong)mask);
                while (true)
                {
                    ref var slot = ref slots[s];
                    if (slot.Key == f)
                    {
                        if (Sse.IsSupported)
                        {
                            Sse.Prefetch0(slot.Count < 0 ? dense + slot.Start : (void*)(entries + slot.Start));
                        }

                        runs[found++] = ((long)slot.Start << 16) | (ushort)(short)slot.Count;
                        break;
                    }

                    if (slot.Key == 0)
                    {
                        break;
                    }

                    s = (s + 1) & mask;
                }
            }

            return found;
        }
    }

    /// <summary>
    /// The model without weights smaller than <paramref name="minWeight"/> in magnitude; the same
    /// as training with that threshold, since averaging drops such weights anyway.
    /// </summary>
    public PerceptronModel Pruned(float minWeight)
    {
        var keys = new List<ulong>();
        var starts = new List<int>();
        var cls = new List<ushort>();
        var ws = new List<float>();
        foreach (var slot in _slots)
        {
            if (slot.Key == 0)
            {
                continue;
            }

            var start = cls.Count;
            for (var c = 0; c < Classes && slot.Count < 0; c++)
            {
                Keep(c, _dense[slot.Start + c]);
            }

            for (var i = slot.Start; slot.Count > 0 && i < slot.Start + slot.Count; i++)
            {
                Keep(_entries[i].Class, _entries[i].W);
            }

            if (cls.Count > start)
            {
                keys.Add(slot.Key);
                starts.Add(start);
            }
        }

        starts.Add(cls.Count);
        return Build(Classes, keys, starts, cls, ws);

        void Keep(int c, float w)
        {
            if (Math.Abs(w) >= minWeight)
            {
                cls.Add((ushort)c);
                ws.Add(w);
            }
        }
    }

    /// <summary>
    /// Writes keys, run lengths, classes and weights as four raw little-endian blocks, so loading is
    /// a few bulk reads rather than millions of small ones.
    /// </summary>
    public void Write(BinaryWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var keys = new ulong[FeatureCount];
        var counts = new ushort[FeatureCount];
        var classes = new List<ushort>(_entries.Length);
        var weights = new List<float>(_entries.Length);
        var f = 0;
        foreach (var slot in _slots)
        {
            if (slot.Key == 0)
            {
                continue;
            }

            keys[f] = slot.Key;
            var before = classes.Count;
            if (slot.Count < 0)
            {
                for (var c = 0; c < Classes; c++)
                {
                    if (_dense[slot.Start + c] != 0)
                    {
                        classes.Add((ushort)c);
                        weights.Add(_dense[slot.Start + c]);
                    }
                }
            }
            else
            {
                for (var i = slot.Start; i < slot.Start + slot.Count; i++)
                {
                    classes.Add((ushort)_entries[i].Class);
                    weights.Add(_entries[i].W);
                }
            }

            counts[f++] = (ushort)(classes.Count - before);
        }

        w.Write(Classes);
        w.Write(FeatureCount);
        w.Write(classes.Count);
        w.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(counts.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(classes)));
        w.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(weights)));
    }

    /// <param name="interleaved">Format 1 of the models: each key followed by its entries.</param>
    public static PerceptronModel Read(BinaryReader r, bool interleaved = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        var classes = r.ReadInt32();
        var features = r.ReadInt32();
        var weights = r.ReadInt32();
        if (interleaved)
        {
            return ReadInterleaved(r, classes, features, weights);
        }

        var keys = new ulong[features];
        var counts = new ushort[features];
        var cls = new ushort[weights];
        var ws = new float[weights];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(counts.AsSpan()));
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(cls.AsSpan()));
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(ws.AsSpan()));
        var starts = new int[features + 1];
        for (var i = 0; i < features; i++)
        {
            starts[i + 1] = starts[i] + counts[i];
        }

        return Build(classes, keys, starts, cls, ws);
    }

    private static PerceptronModel ReadInterleaved(BinaryReader r, int classes, int features, int weights)
    {
        var keys = new ulong[features];
        var starts = new int[features + 1];
        var cls = new ushort[weights];
        var ws = new float[weights];
        var n = 0;
        for (var i = 0; i < features; i++)
        {
            keys[i] = r.ReadUInt64();
            starts[i] = n;
            int count = r.ReadUInt16();
            for (var k = 0; k < count; k++)
            {
                cls[n] = r.ReadUInt16();
                ws[n++] = r.ReadSingle();
            }
        }

        starts[features] = n;
        return Build(classes, keys, starts, cls, ws);
    }
}
