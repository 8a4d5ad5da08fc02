using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Accounts;

/// <summary>
/// The rows behind the web app's Data Protection key ring (Migrations/0015). The framework asks for
/// the whole ring when it starts and about once a day after that, and stores a key when it creates
/// or revokes one, so this is never on a request's path.
/// </summary>
public sealed class DataProtectionKeyStore(ConnectionFactory factory)
{
    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<string>(new CommandDefinition(
            "SELECT xml FROM data_protection_keys ORDER BY id", cancellationToken: ct))).ToList();
    }

    /// <summary>Stores an element under its name; a second store of the same name replaces the first.</summary>
    public async Task StoreAsync(string friendlyName, string xml, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        await using var c = await factory.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @at)
            ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml
            """, new { friendlyName, xml, at = Clock.Now() }, cancellationToken: ct));
    }
}
