using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Auth;
using IraqCoalition.Web.Startup;
using IraqCoalition.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IraqCoalition.Web.Tests;

public sealed class FirstAdminTests : IAsyncLifetime
{
    private readonly ServiceCollection _services = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(_services);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task First_start_creates_an_admin_whose_password_is_printed_once_never_logged_and_must_be_changed()
    {
        await using var provider = _services.BuildServiceProvider();
        var users = provider.GetRequiredService<UserService>();
        var log = new ListLogger();
        using var console = new StringWriter();
        var initializer = new FirstAdminInitializer(users, new AuthOptions { InitialAdmin = "boss" }, log) { Console = console };

        var password = await initializer.EnsureAdminAsync(CancellationToken.None);
        var second = await initializer.EnsureAdminAsync(CancellationToken.None);

        Assert.NotNull(password);
        Assert.Null(second);
        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        // The log's file sink keeps days of world-readable files: the password goes to the console only.
        Assert.DoesNotContain(password, warning.Message, StringComparison.Ordinal);
        Assert.Contains("users reset-password boss", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"One-time password: {password}", console.ToString(), StringComparison.Ordinal);
        var signIn = await users.SignInAsync("boss", password);
        Assert.Equal(SignInOutcome.Success, signIn.Outcome);
        Assert.Equal(Roles.Admin, signIn.User!.Role);
        Assert.True(signIn.User.MustChangePassword);
    }

    private sealed class ListLogger : ILogger<FirstAdminInitializer>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}

public sealed class AccountRevalidationTests : IAsyncLifetime
{
    private readonly ServiceCollection _services = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(_services);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task An_open_circuit_stays_signed_in_only_while_the_account_keeps_its_role()
    {
        await using var provider = _services.BuildServiceProvider();
        var users = provider.GetRequiredService<UserService>();
        var editor = await users.CreateAsync(UserContext.System, "erin", Roles.Editor, UserService.GeneratePassword());
        await users.CreateAsync(UserContext.System, "root", Roles.Admin, UserService.GeneratePassword());
        var principal = Principals.Create(editor);

        Assert.True(await AccountRevalidation.IsCurrentAsync(users, principal, CancellationToken.None));
        Assert.True(await AccountRevalidation.IsCurrentAsync(users, new System.Security.Claims.ClaimsPrincipal(), CancellationToken.None));

        await users.SetRoleAsync(UserContext.System, editor.Id, Roles.Analyst);

        Assert.False(await AccountRevalidation.IsCurrentAsync(users, principal, CancellationToken.None));
        Assert.Equal(new UserContext("erin", Roles.Editor), principal.ToUserContext());
    }
}
