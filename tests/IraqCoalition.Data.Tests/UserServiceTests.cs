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
    public async Task Thirty_parallel_wrong_guesses_check_five_passwords_and_lock_the_account()
    {
        var users = new UserService(_db.Factory);
        await users.CreateAsync(UserContext.System, "ann", Roles.Analyst, "the-right-password");

        var outcomes = await ParallelAsync(users, Enumerable.Repeat("wrong-guess", 30));

        Assert.DoesNotContain(SignInOutcome.Success, outcomes);
        // Four failures come back as such; the fifth check locks; the other 25 are refused unchecked.
        Assert.Equal(UserService.MaxFailedLogins - 1, outcomes.Count(o => o == SignInOutcome.Failed));
        Assert.Equal(30 - (UserService.MaxFailedLogins - 1), outcomes.Count(o => o == SignInOutcome.LockedOut));
        Assert.Equal(SignInOutcome.LockedOut, (await users.SignInAsync("ann", "the-right-password")).Outcome);
        Assert.NotNull((await users.ListAsync(UserContext.System)).Single().LockoutUntil);
    }

    [Fact]
    public async Task The_right_password_among_29_parallel_guesses_gets_the_checks_of_one_after_another()
    {
        var users = new UserService(_db.Factory);
        for (var trial = 0; trial < 3; trial++)
        {
            var name = $"ann{trial}";
            await users.CreateAsync(UserContext.System, name, Roles.Analyst, "the-right-password");

            var outcomes = await ParallelAsync(users, Enumerable.Repeat("wrong-guess", 29).Append("the-right-password"), name);

            // Before, every guess was checked (and the right one usually got in). Now the guesses take
            // places as if they came one after another: without a sign-in, at most four fail, the fifth
            // place locks and the rest are refused unchecked; when the right one signs in, its success
            // starts a new window, as a sign-in between guesses would, so at most two windows of
            // guesses are checked, never the 29.
            var checkedWrong = outcomes.Count(o => o == SignInOutcome.Failed);
            var signedIn = outcomes.Count(o => o == SignInOutcome.Success);
            Assert.True(signedIn <= 1);
            Assert.True(signedIn == 1 ? checkedWrong <= 2 * (UserService.MaxFailedLogins - 1) : checkedWrong <= UserService.MaxFailedLogins - 1,
                $"trial {trial}: {checkedWrong} wrong guesses checked and {signedIn} sign-ins");
            if (signedIn == 0)
            {
                Assert.NotNull((await users.FindAsync(name))!.LockoutUntil);
            }
        }
    }

    private static async Task<SignInOutcome[]> ParallelAsync(UserService users, IEnumerable<string> passwords, string userName = "ann")
    {
        using var start = new ManualResetEventSlim();
        var attempts = passwords.Select(p => Task.Run(async () =>
        {
            start.Wait();
            return (await users.SignInAsync(userName, p)).Outcome;
        })).ToList();
        start.Set();
        return await Task.WhenAll(attempts);
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
