using IraqCoalition.Core.Extraction;

namespace IraqCoalition.Core.Actors;

/// <summary>
/// The words readers see for actor kinds and agent codes, in one place for every page and export:
/// "MIL" is the dictionary's code (CAMEO's agent codes), "military" is what an analyst reads.
/// </summary>
public static class ActorWording
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [ActorKinds.Person] = "person",
        [ActorKinds.Organization] = "organisation",
        [ActorKinds.Country] = "country",
        [ActorKinds.Location] = "place",
        [ActorKinds.ArmedGroup] = "armed group",
        [ActorKinds.Group] = "group of people",
        [ActorKinds.Media] = "news media",
        [ActorKinds.Other] = "other",
    };

    // CAMEO's agent codes (the actor codebook's "agents" table) as plain words.
    private static readonly Dictionary<string, string> Agents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GOV"] = "government",
        ["MIL"] = "military",
        ["LEG"] = "legislature",
        ["JUD"] = "judiciary",
        ["COP"] = "police",
        ["SPY"] = "intelligence",
        ["OPP"] = "opposition",
        ["PTY"] = "political party",
        ["REB"] = "rebels",
        ["INS"] = "insurgents",
        ["UAF"] = "armed group",
        ["SEP"] = "separatists",
        ["BUS"] = "business",
        ["CVL"] = "civilians",
        ["MED"] = "media",
        ["EDU"] = "education",
        ["REL"] = "religious",
        ["HLH"] = "health",
        ["LAB"] = "labour",
        ["AGR"] = "agriculture",
        ["REF"] = "refugees",
        ["CRM"] = "criminals",
        ["ELI"] = "elites",
        ["ENV"] = "environment",
        ["HRI"] = "human rights",
        ["IGO"] = "intergovernmental organisation",
        ["NGO"] = "non-governmental organisation",
        ["NGM"] = "non-governmental movement",
        ["MNC"] = "multinational company",
        ["MOD"] = "moderates",
        ["RAD"] = "radicals",
    };

    /// <summary>"armed_group" → "armed group"; a kind this list does not know reads with its underscores as spaces.</summary>
    public static string Kind(string? kind) =>
        string.IsNullOrWhiteSpace(kind) ? "unknown" : Kinds.TryGetValue(kind, out var word) ? word : kind.Replace('_', ' ');

    /// <summary>"MIL" → "military"; an unknown code is shown as it is rather than guessed at.</summary>
    public static string? Agent(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : Agents.TryGetValue(code.Trim(), out var word) ? word : code.Trim();

    /// <summary>Kind and agent as one phrase: "organisation, military"; the agent is left out when it says what the kind says.</summary>
    public static string Describe(string? kind, string? agent)
    {
        var k = Kind(kind);
        return Agent(agent) is { } a && !string.Equals(a, k, StringComparison.OrdinalIgnoreCase) ? $"{k}, {a}" : k;
    }
}
