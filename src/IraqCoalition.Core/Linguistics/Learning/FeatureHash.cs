using System.Runtime.CompilerServices;

namespace IraqCoalition.Core.Linguistics.Learning;

/// <summary>
/// 64-bit keys for sparse features. Strings are hashed once per token straight from the text span,
/// so feature extraction never builds a feature string or a substring; 64 bits keep collisions
/// negligible for the few million features a treebank produces.
/// </summary>
public static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Key of a string (exact characters).</summary>
    public static ulong Of(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Mix(h ^ (ulong)s.Length);
    }

    /// <summary>The key of <c>a + separator + b</c>, without building the string.</summary>
    public static ulong Of(ReadOnlySpan<char> a, char separator, ReadOnlySpan<char> b)
    {
        var h = FnvOffset;
        foreach (var c in a)
        {
            h = (h ^ c) * FnvPrime;
        }

        h = (h ^ separator) * FnvPrime;
        foreach (var c in b)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Mix(h ^ (ulong)(a.Length + 1 + b.Length));
    }

    /// <summary>Key of a string, case folded (invariant culture), without allocating the lowered copy.</summary>
    public static ulong OfLower(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ char.ToLowerInvariant(c)) * FnvPrime;
        }

        return Mix(h ^ (ulong)s.Length);
    }

    /// <summary>A feature of one template over one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a) => NonZero(Mix(Combine((ulong)template * 0x9E3779B97F4A7C15UL, a)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b) => NonZero(Mix(Combine(Combine((ulong)template * 0x9E3779B97F4A7C15UL, a), b)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c) =>
        NonZero(Mix(Combine(Combine(Combine((ulong)template * 0x9E3779B97F4A7C15UL, a), b), c)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong seed, ulong v) => (seed ^ (v + 0x9E3779B97F4A7C15UL + (seed << 6) + (seed >> 2))) * 0xBF58476D1CE4E5B9UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    // Zero marks an empty slot in the model's table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NonZero(ulong h) => h == 0 ? 1 : h;
}
