using IraqCoalition.Data.Accounts;

namespace IraqCoalition.Data.Tests;

/// <summary>The rows behind the web servers' shared Data Protection key ring, on the suite's engine.</summary>
public sealed class DataProtectionKeyStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Elements_come_back_in_the_order_stored_and_a_name_stored_again_is_replaced()
    {
        var store = new DataProtectionKeyStore(_db.Factory);
        Assert.Empty(await store.AllAsync());

        await store.StoreAsync("key-1", "<key id=\"1\" />");
        await store.StoreAsync("key-2", "<key id=\"2\" />");
        await store.StoreAsync("key-1", "<key id=\"1\" revoked=\"true\" />");

        Assert.Equal(["<key id=\"1\" revoked=\"true\" />", "<key id=\"2\" />"], await store.AllAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => store.StoreAsync("", "<key />"));
    }
}
