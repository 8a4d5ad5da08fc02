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

    private PerceptronModel(int classes, Slot[] slots, Entry[] entries, int features)
    {
        Classes = classes;
        _slots = slots;
        _mask = slots.Length - 1;
        _entries = entries;
        FeatureCount = features;
    }

    public int Classes { get; }

    public int FeatureCount { get; }

    public int WeightCount => _entries.Length;

    private struct Slot
    {
        public ulong Key;
        public int Start;
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
        for (var i = 0; i < keys.Count; i++)
        {
            var s = (int)(keys[i] & (ulong)mask);
            while (slots[s].Key != 0)
            {
                s = (s + 1) & mask;
            }

            slots[s] = new Slot { Key = keys[i], Start = starts[i], Count = starts[i + 1] - starts[i] };
        }

        var entries = new Entry[cls.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new Entry { W = ws[i], Class = cls[i] };
        }

        return new PerceptronModel(classes, slots, entries, keys.Count);
    }

    /// <summary>Sets <paramref name="scores"/> to the sum of the weights of <paramref name="features"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[..Classes].Clear();
        Prefetch(features);
        foreach (var f in features)
        {
            Accumulate(f, scores);
        }
    }

    // The table is far larger than the cache and each feature lands on a random slot: asking for
    // every slot first lets the misses overlap instead of paying for them one after another.
    private unsafe void Prefetch(ReadOnlySpan<ulong> features)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        fixed (Slot* slots = _slots)
        {
            foreach (var f in features)
            {
                Sse.Prefetch0(slots + (int)(f & (ulong)_mask));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Accumulate(ulong f, Span<float> scores)
    {
        var slots = _slots;
        var s = (int)(f & (ulong)_mask);
        while (true)
        {
            ref var slot = ref slots[s];
            if (slot.Key == f)
            {
                foreach (ref readonly var e in _entries.AsSpan(slot.Start, slot.Count))
                {
                    scores[e.Class] += e.W;
                }

                return;
            }

            if (slot.Key == 0)
            {
                return;
            }

            s = (s + 1) & _mask;
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
        var classes = new ushort[_entries.Length];
        var weights = new float[_entries.Length];
        int f = 0, e = 0;
        foreach (var slot in _slots)
        {
            if (slot.Key == 0)
            {
                continue;
            }

            keys[f] = slot.Key;
            counts[f++] = (ushort)slot.Count;
            for (var i = slot.Start; i < slot.Start + slot.Count; i++)
            {
                classes[e] = (ushort)_entries[i].Class;
                weights[e++] = _entries[i].W;
            }
        }

        w.Write(Classes);
        w.Write(FeatureCount);
        w.Write(_entries.Length);
        w.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(counts.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(classes.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(weights.AsSpan()));
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
