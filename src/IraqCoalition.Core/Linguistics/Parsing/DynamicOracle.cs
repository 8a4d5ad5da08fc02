namespace IraqCoalition.Core.Linguistics.Parsing;

/// <summary>
/// The arc-eager dynamic oracle (Goldberg and Nivre 2012): how many gold arcs each transition makes
/// unreachable from the current configuration. Training on zero-cost transitions from the states
/// the model itself reaches teaches it to recover from its own mistakes.
/// </summary>
internal static class DynamicOracle
{
    public static int ShiftCost(ParserState s, int[] gold)
    {
        var b = s.Buffer;
        var cost = 0;
        for (var i = 0; i < s.Depth; i++)
        {
            var k = s.Stack[i];
            if (gold[b] == k)
            {
                cost++;
            }

            if (gold[k] == b && s.Heads[k] < 0)
            {
                cost++;
            }
        }

        return cost;
    }

    public static int ReduceCost(ParserState s, int[] gold)
    {
        var s0 = s.S0;
        var cost = 0;
        for (var k = s.Buffer; k <= s.N; k++)
        {
            if (gold[k] == s0)
            {
                cost++;
            }
        }

        return cost;
    }

    public static int LeftArcCost(ParserState s, int[] gold)
    {
        var s0 = s.S0;
        var b = s.Buffer;
        var cost = gold[s0] > b ? 1 : 0;
        for (var k = b; k <= s.N; k++)
        {
            if (gold[k] == s0)
            {
                cost++;
            }
        }

        return cost;
    }

    public static int RightArcCost(ParserState s, int[] gold)
    {
        var s0 = s.S0;
        var b = s.Buffer;
        var h = gold[b];
        var cost = h != s0 && (h > b || (h >= 0 && s.OnStack[h])) ? 1 : 0;
        for (var i = 0; i < s.Depth; i++)
        {
            var k = s.Stack[i];
            if (gold[k] == b && s.Heads[k] < 0)
            {
                cost++;
            }
        }

        return cost;
    }
}
