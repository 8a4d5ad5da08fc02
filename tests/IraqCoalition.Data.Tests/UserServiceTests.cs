using IraqCoalition.Data.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace IraqCoalition.Data.Tests;

public sealed class UserServiceTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var users = new UserService(_db.Factory, clock);
        await users.CreateAsync(UserContext.System, "ann", Roles.Analyst, "the-right-password");

        for (var i = 1; i < UserService.MaxFailedLogins; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await users.SignInAsync("ann", "wrong")).Outcome);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await users.SignInAsync("ann", "wrong")).Outcome);
        // Even the right password is refused while locked.
        Assert.Equal(SignInOutcome.LockedOut, (await users.SignInAsync("ann", "the-right-password")).Outcome);

        clock.Advance(UserService.LockoutDuration + TimeSpan.FromSeconds(1));
        var ok = await users.SignInAsync("ann", "the-right-password");
        Assert.Equal(SignInOutcome.Success, ok.Outcome);
        Assert.Equal(0, ok.User!.FailedLogins);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message()
    {
        var users = new UserService(_db.Factory);
        await users.CreateAsync(UserContext.System, "ann", Roles.Analyst, "the-right-password");
        Assert.Equal((await users.SignInAsync("nobody", "x")).Message, (await users.SignInAsync("ann", "x")).Message);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted()
    {
        var users = new UserService(_db.Factory);
        var admin = await users.CreateAsync(UserContext.System, "root", Roles.Admin, "root-password-123");
        await Assert.ThrowsAsync<InvalidOperationException>(() => users.SetRoleAsync(new UserContext("root", Roles.Admin), admin.Id, Roles.Editor));
    }
}
