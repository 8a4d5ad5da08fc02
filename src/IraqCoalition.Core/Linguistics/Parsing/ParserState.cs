namespace IraqCoalition.Core.Linguistics.Parsing;

/// <summary>
/// An arc-eager configuration (Nivre 2003): a stack, the buffer as the index of its first word, and
/// the arcs built so far with the two outermost children each side and the label sets that the
/// features read. Word 0 is the artificial root. Reused across sentences to avoid allocation.
/// </summary>
internal sealed class ParserState
{
    public const int Shift = 0;
    public const int Reduce = 1;

    public int N;
    public int[] Stack = new int[64];
    public int Depth;
    public int Buffer;
    public int[] Heads = new int[64];
    public int[] Labels = new int[64];
    public int[] Left1 = new int[64];
    public int[] Left2 = new int[64];
    public int[] Right1 = new int[64];
    public int[] Right2 = new int[64];
    public int[] LeftCount = new int[64];
    public int[] RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64];
    public ulong[] RightLabels = new ulong[64];
    public bool[] OnStack = new bool[64];
    public int RootChildren;

    public static int LeftArc(int label) => 2 + (2 * label);

    public static int RightArc(int label) => 3 + (2 * label);

    public static int LabelOf(int transition) => (transition - 2) >> 1;

    public void Reset(int n)
    {
        N = n;
        if (Heads.Length < n + 2)
        {
            var size = Math.Max(n + 2, Heads.Length * 2);
            Stack = new int[size];
            Heads = new int[size];
            Labels = new int[size];
            Left1 = new int[size];
            Left2 = new int[size];
            Right1 = new int[size];
            Right2 = new int[size];
            LeftCount = new int[size];
            RightCount = new int[size];
            LeftLabels = new ulong[size];
            RightLabels = new ulong[size];
            OnStack = new bool[size];
        }

        for (var i = 0; i <= n; i++)
        {
            Heads[i] = -1;
            Labels[i] = -1;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = -1;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
            OnStack[i] = false;
        }

        Stack[0] = 0;
        OnStack[0] = true;
        Depth = 1;
        Buffer = 1;
        RootChildren = 0;
    }

    public bool Done => Buffer > N;

    public int S0 => Stack[Depth - 1];

    public int S1 => Depth > 1 ? Stack[Depth - 2] : -1;

    public bool CanShift => Buffer <= N;

    public bool CanReduce => Depth > 1 && Heads[S0] >= 0;

    public bool CanLeftArc => Buffer <= N && Depth > 1 && Heads[S0] < 0;

    // UD trees have one root: the root takes a second dependent only when nothing else can.
    public bool CanRightArc => Buffer <= N && (S0 != 0 || RootChildren == 0);

    public bool IsValid(int transition) => transition switch
    {
        Shift => CanShift,
        Reduce => CanReduce,
        _ => (transition & 1) == 0 ? CanLeftArc : CanRightArc,
    };

    public void Apply(int transition)
    {
        switch (transition)
        {
            case Shift:
                Push(Buffer++);
                break;
            case Reduce:
                OnStack[S0] = false;
                Depth--;
                break;
            default:
                var label = LabelOf(transition);
                if ((transition & 1) == 0)
                {
                    var s = S0;
                    OnStack[s] = false;
                    Depth--;
                    AddArc(Buffer, s, label);
                }
                else
                {
                    var b = Buffer++;
                    AddArc(S0, b, label);
                    Push(b);
                }

                break;
        }
    }

    private void Push(int w)
    {
        Stack[Depth++] = w;
        OnStack[w] = true;
    }

    private void AddArc(int head, int dep, int label)
    {
        Heads[dep] = head;
        Labels[dep] = label;
        var bit = 1UL << (label & 63);
        if (dep < head)
        {
            // Left dependents arrive nearest first, right ones left to right: the newest is outermost.
            Left2[head] = Left1[head];
            Left1[head] = dep;
            LeftCount[head]++;
            LeftLabels[head] |= bit;
        }
        else
        {
            Right2[head] = Right1[head];
            Right1[head] = dep;
            RightCount[head]++;
            RightLabels[head] |= bit;
        }

        if (head == 0)
        {
            RootChildren++;
        }
    }
}
