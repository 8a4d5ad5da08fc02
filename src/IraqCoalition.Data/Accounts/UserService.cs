using System.Security.Cryptography;
using Dapper;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Sqlite;
using Microsoft.AspNetCore.Identity;

namespace IraqCoalition.Data.Accounts;

public sealed class UserRow
{
    public long Id { get; init; }
    public string UserName { get; init; } = "";
    public string Role { get; init; } = "";
    public int FailedLogins { get; init; }
    public string? LockoutUntil { get; init; }
    public bool Disabled { get; init; }
    public string CreatedAt { get; init; } = "";
    public string? LastLoginAt { get; init; }
}

public enum SignInOutcome
{
    Success,
    Failed,
    LockedOut,
    Disabled,
}

public sealed record SignInResult(SignInOutcome Outcome, UserRow? User, string Message);

/// <summary>
/// Accounts with ASP.NET Core Identity's password hashing (PBKDF2, versioned, rehash on upgrade)
/// and lockout after repeated failures, stored in SQLite without the rest of Identity's machinery.
/// </summary>
public sealed class UserService(SqliteConnectionFactory factory, TimeProvider? time = null)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword("", GeneratePassword());
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>A password users can type: 20 characters from an unambiguous alphabet (~115 bits).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>("SELECT count(*) FROM users");
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(UserContext caller, CancellationToken ct = default)
    {
        Authorization.Require(caller, Roles.Admin, "list user accounts");
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<UserRow>(new CommandDefinition(
            "SELECT id, user_name, role, failed_logins, lockout_until, disabled, created_at, last_login_at FROM users ORDER BY user_name",
            cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Creates an account. Only an admin may, except for the very first account (bootstrap from
    /// the CLI or first start), which <paramref name="caller"/> <see cref="UserContext.System"/> creates.
    /// </summary>
    public async Task<UserRow> CreateAsync(UserContext caller, string userName, string role, string password, CancellationToken ct = default)
    {
        Authorization.Require(caller, Roles.Admin, "create user accounts");
        userName = userName?.Trim() ?? "";
        if (userName.Length is < 2 or > 64 || userName.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A user name is 2 to 64 characters without spaces.", nameof(userName));
        }

        var parsed = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}': use Admin, Editor or Analyst.", nameof(role));
        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            throw new ArgumentException("Passwords have at least 12 characters.", nameof(password));
        }

        await using var c = await factory.OpenAsync(ct);
        await using var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await c.BeginTransactionAsync(ct);
        if (await c.ExecuteScalarAsync<int>("SELECT count(*) FROM users WHERE user_name = @userName", new { userName }, tx) > 0)
        {
            throw new InvalidOperationException($"A user named '{userName}' already exists.");
        }

        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO users (user_name, password_hash, role, created_at) VALUES (@userName, @hash, @parsed, @now) RETURNING id
            """, new { userName, hash = Hasher.HashPassword(userName, password), parsed, now = Clock.Now() }, tx);
        await AuditLog.WriteAsync(c, tx, caller, "user.create", "user", id, null, new { userName, role = parsed });
        await tx.CommitAsync(ct);
        return (await GetAsync(id, ct))!;
    }

    public async Task<UserRow?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "SELECT id, user_name, role, failed_logins, lockout_until, disabled, created_at, last_login_at FROM users WHERE id = @id",
            new { id }, cancellationToken: ct));
    }

    public async Task SetRoleAsync(UserContext caller, long userId, string role, CancellationToken ct = default)
    {
        Authorization.Require(caller, Roles.Admin, "change roles");
        var parsed = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        await using var c = await factory.OpenAsync(ct);
        await using var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await c.BeginTransactionAsync(ct);
        var before = await c.QuerySingleOrDefaultAsync<string>("SELECT role FROM users WHERE id = @userId", new { userId }, tx)
            ?? throw new KeyNotFoundException($"No user {userId}.");
        if (before == Roles.Admin && parsed != Roles.Admin &&
            await c.ExecuteScalarAsync<int>("SELECT count(*) FROM users WHERE role = 'Admin' AND disabled = 0", transaction: tx) <= 1)
        {
            throw new InvalidOperationException("This is the last administrator; make another user Admin first.");
        }

        await c.ExecuteAsync("UPDATE users SET role = @parsed WHERE id = @userId", new { parsed, userId }, tx);
        await AuditLog.WriteAsync(c, tx, caller, "user.role", "user", userId, new { role = before }, new { role = parsed });
        await tx.CommitAsync(ct);
    }

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(long Id, string Hash, int Failed, string? Lockout, bool Disabled)?>(
            "SELECT id, password_hash, failed_logins, lockout_until, disabled FROM users WHERE user_name = @userName", new { userName });
        const string wrong = "Wrong user name or password.";
        if (row is not { } u)
        {
            // Same work as a real check, so timing does not reveal which names exist.
            Hasher.VerifyHashedPassword(userName ?? "", DummyHash, password ?? "");
            return new SignInResult(SignInOutcome.Failed, null, wrong);
        }

        var now = _time.GetUtcNow();
        if (u.Disabled)
        {
            return new SignInResult(SignInOutcome.Disabled, null, "This account is disabled.");
        }

        if (u.Lockout is not null && DateTimeOffset.Parse(u.Lockout, System.Globalization.CultureInfo.InvariantCulture) > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null, "Too many failed sign-ins; try again in a few minutes.");
        }

        var verdict = Hasher.VerifyHashedPassword(userName!, u.Hash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failed = u.Failed + 1;
            string? lockout = failed >= MaxFailedLogins ? Clock.Format(now + LockoutDuration) : null;
            await c.ExecuteAsync("UPDATE users SET failed_logins = @f, lockout_until = @lockout WHERE id = @Id",
                new { f = lockout is null ? failed : 0, lockout, u.Id });
            return lockout is null
                ? new SignInResult(SignInOutcome.Failed, null, wrong)
                : new SignInResult(SignInOutcome.LockedOut, null, "Too many failed sign-ins; the account is locked for 15 minutes.");
        }

        var newHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(userName!, password!) : u.Hash;
        await c.ExecuteAsync("UPDATE users SET failed_logins = 0, lockout_until = NULL, last_login_at = @now, password_hash = @newHash WHERE id = @Id",
            new { now = Clock.Format(now), newHash, u.Id });
        return new SignInResult(SignInOutcome.Success, await GetAsync(u.Id, ct), "Signed in.");
    }
}
