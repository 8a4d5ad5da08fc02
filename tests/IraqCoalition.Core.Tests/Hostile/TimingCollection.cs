namespace IraqCoalition.Core.Tests.Hostile;

/// <summary>
/// Tests with a time bound run alone, not beside the other test classes: on a two-core machine the
/// gold-set and model tests running at the same time would be measured too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
