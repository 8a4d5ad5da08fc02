using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Storage;
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
    public bool MustChangePassword { get; init; }
    public string SessionStamp { get; init; } = "";
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
public sealed class UserService(ConnectionFactory factory, TimeProvider? time = null)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const int MinPasswordLength = 12;

    private const string Columns = "id, user_name, role, failed_logins, lockout_until, disabled, created_at, last_login_at, must_change_password, session_stamp";
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
            $"SELECT {Columns} FROM users ORDER BY user_name",
            cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Creates an account. Only an admin may, except for the very first account (bootstrap from
    /// the CLI or first start), which <paramref name="caller"/> <see cref="UserContext.System"/> creates.
    /// </summary>
    public Task<UserRow> CreateAsync(UserContext caller, string userName, string role, string password, CancellationToken ct = default) =>
        CreateAsync(caller, userName, role, password, mustChangePassword: false, ct);

    /// <param name="mustChangePassword">True when the password was generated or chosen by someone else: its owner replaces it at first sign-in.</param>
    public async Task<UserRow> CreateAsync(UserContext caller, string userName, string role, string password, bool mustChangePassword, CancellationToken ct = default)
    {
        Authorization.Require(caller, Roles.Admin, "create user accounts");
        userName = userName?.Trim() ?? "";
        if (userName.Length is < 2 or > 64 || userName.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A user name is 2 to 64 characters without spaces.", nameof(userName));
        }

        var parsed = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}': use Admin, Editor or Analyst.", nameof(role));
        RequireStrong(password, nameof(password));

        await using var c = await factory.OpenAsync(ct);
        await using var tx = (DbTransaction)await c.BeginTransactionAsync(ct);
        if (await c.ExecuteScalarAsync<int>("SELECT count(*) FROM users WHERE lower(user_name) = lower(@userName)", new { userName }, tx) > 0)
        {
            throw new InvalidOperationException($"A user named '{userName}' already exists.");
        }

        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO users (user_name, password_hash, role, created_at, must_change_password, session_stamp)
            VALUES (@userName, @hash, @parsed, @now, @mustChangePassword, @stamp) RETURNING id
            """, new { userName, hash = Hasher.HashPassword(userName, password), parsed, now = Clock.Now(), mustChangePassword, stamp = NewStamp() }, tx);
        await AuditLog.WriteAsync(c, tx, caller, "user.create", "user", id, null, new { userName, role = parsed });
        await tx.CommitAsync(ct);
        return (await GetAsync(id, ct))!;
    }

    public async Task<UserRow?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {Columns} FROM users WHERE id = @id",
            new { id }, cancellationToken: ct));
    }

    public async Task SetRoleAsync(UserContext caller, long userId, string role, CancellationToken ct = default)
    {
        Authorization.Require(caller, Roles.Admin, "change roles");
        var parsed = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        await using var c = await factory.OpenAsync(ct);
        await using var tx = (DbTransaction)await c.BeginTransactionAsync(ct);
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

    /// <summary>
    /// The signed-in user replaces their own password, proving they know the current one. Other
    /// sessions of the account end (the session stamp changes); the change is audited.
    /// </summary>
    public async Task<UserRow> ChangePasswordAsync(long userId, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        RequireStrong(newPassword, nameof(newPassword));
        if (newPassword == currentPassword)
        {
            throw new ArgumentException("The new password must differ from the current one.", nameof(newPassword));
        }

        await using var c = await factory.OpenAsync(ct);
        await using var tx = (DbTransaction)await c.BeginTransactionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(string UserName, string Role, string Hash)?>(
            "SELECT user_name, role, password_hash FROM users WHERE id = @userId AND disabled = 0", new { userId }, tx)
            ?? throw new KeyNotFoundException($"No active user {userId}.");
        if (Hasher.VerifyHashedPassword(row.UserName, row.Hash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            throw new ArgumentException("The current password is wrong.", nameof(currentPassword));
        }

        await SetPasswordAsync(c, tx, userId, row.UserName, newPassword, mustChange: false);
        await AuditLog.WriteAsync(c, tx, new UserContext(row.UserName, Roles.Parse(row.Role)), "user.password.change", "user", userId, null, new { userName = row.UserName });
        await tx.CommitAsync(ct);
        return (await GetAsync(userId, ct))!;
    }

    /// <summary>
    /// An administrator (or the CLI, as <see cref="UserContext.System"/>) gives a user a new generated
    /// password, to be changed at the next sign-in; it also lifts a lockout and ends the user's sessions.
    /// </summary>
    /// <returns>The new password, to be shown once.</returns>
    public async Task<string> ResetPasswordAsync(UserContext caller, long userId, CancellationToken ct = default)
    {
        Authorization.Require(caller, Roles.Admin, "reset passwords");
        var password = GeneratePassword();
        await using var c = await factory.OpenAsync(ct);
        await using var tx = (DbTransaction)await c.BeginTransactionAsync(ct);
        var userName = await c.QuerySingleOrDefaultAsync<string>("SELECT user_name FROM users WHERE id = @userId", new { userId }, tx)
            ?? throw new KeyNotFoundException($"No user {userId}.");
        await SetPasswordAsync(c, tx, userId, userName, password, mustChange: true);
        await AuditLog.WriteAsync(c, tx, caller, "user.password.reset", "user", userId, null, new { userName, mustChangePassword = true });
        await tx.CommitAsync(ct);
        return password;
    }

    /// <summary>Ends every session of the user (sign-out): cookies issued before carry the old stamp.</summary>
    public async Task EndSessionsAsync(long userId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        await using var tx = (DbTransaction)await c.BeginTransactionAsync(ct);
        var userName = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "UPDATE users SET session_stamp = @stamp WHERE id = @userId RETURNING user_name", new { stamp = NewStamp(), userId }, tx, cancellationToken: ct));
        if (userName is not null)
        {
            await AuditLog.WriteAsync(c, tx, new UserContext(userName, null), "user.signout", "user", userId, null, new { userName });
        }

        await tx.CommitAsync(ct);
    }

    public async Task<UserRow?> FindAsync(string userName, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition($"SELECT {Columns} FROM users WHERE lower(user_name) = lower(@userName)", new { userName }, cancellationToken: ct));
    }

    private static Task SetPasswordAsync(DbConnection c, DbTransaction tx, long userId, string userName, string password, bool mustChange) =>
        c.ExecuteAsync("""
            UPDATE users SET password_hash = @hash, must_change_password = @mustChange, password_changed_at = @now,
                             session_stamp = @stamp, failed_logins = 0, lockout_until = NULL
            WHERE id = @userId
            """, new { hash = Hasher.HashPassword(userName, password), mustChange, now = Clock.Now(), stamp = NewStamp(), userId }, tx);

    private static void RequireStrong(string? password, string parameter)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"Passwords have at least {MinPasswordLength} characters.", parameter);
        }
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Checks a password with lockout. The attempt is counted before the password is checked, in one
    /// statement that also refuses once <see cref="MaxFailedLogins"/> attempts are counted: parallel
    /// guesses each take one of those places (attempts in flight included), those that find none are
    /// refused without a check, and the attempt that took the last place locks the account if it fails.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        userName ??= "";
        password ??= "";
        var now = _time.GetUtcNow();
        await using var c = await factory.OpenAsync(ct);
        var attempt = await c.QuerySingleOrDefaultAsync<(long Id, string Hash, int Attempt)?>(new CommandDefinition("""
            UPDATE users SET failed_logins = failed_logins + 1
            WHERE lower(user_name) = lower(@userName) AND disabled = 0 AND failed_logins < @max
              AND (lockout_until IS NULL OR lockout_until <= @now)
            RETURNING id, password_hash, failed_logins
            """, new { userName, max = MaxFailedLogins, now = Clock.Format(now) }, cancellationToken: ct));
        if (attempt is not { } a)
        {
            var refused = await RefusedUncheckedAsync(c, userName, password, ct);
            await AuditSignInAsync(c, refused.Outcome switch
            {
                SignInOutcome.Disabled => "user.signin.disabled",
                SignInOutcome.LockedOut => "user.signin.locked",
                _ => "user.signin.failed",
            }, userName, null, ct);
            return refused;
        }

        var verdict = Hasher.VerifyHashedPassword(userName, a.Hash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            if (a.Attempt < MaxFailedLogins)
            {
                await AuditSignInAsync(c, "user.signin.failed", userName, a.Id, ct, new { userName, failedAttempts = a.Attempt });
                return new SignInResult(SignInOutcome.Failed, null, WrongCredentials);
            }

            // The count starts again from zero when the lockout ends.
            var until = Clock.Format(now + LockoutDuration);
            await c.ExecuteAsync(new CommandDefinition("UPDATE users SET failed_logins = 0, lockout_until = @until WHERE id = @Id",
                new { until, a.Id }, cancellationToken: ct));
            await AuditSignInAsync(c, "user.lockout", userName, a.Id, ct, new { userName, failedAttempts = a.Attempt, lockedUntil = until });
            return new SignInResult(SignInOutcome.LockedOut, null, "Too many failed sign-ins; the account is locked for 15 minutes.");
        }

        // A right password that raced a parallel guess into the lockout loses: the lock holds. It clears
        // the attempts counted up to its own, not those of guesses still in flight, which keep their places.
        var newHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(userName, password) : a.Hash;
        var signedIn = await c.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET failed_logins = CASE WHEN failed_logins > @Attempt THEN failed_logins - @Attempt ELSE 0 END, lockout_until = NULL, last_login_at = @now, password_hash = @newHash
            WHERE id = @Id AND (lockout_until IS NULL OR lockout_until <= @now)
            """, new { now = Clock.Format(now), newHash, a.Id, a.Attempt }, cancellationToken: ct));
        await AuditSignInAsync(c, signedIn == 1 ? "user.signin" : "user.signin.locked", userName, a.Id, ct);
        return signedIn == 1
            ? new SignInResult(SignInOutcome.Success, await GetAsync(a.Id, ct), "Signed in.")
            : new SignInResult(SignInOutcome.LockedOut, null, LockedMessage);
    }

    /// <summary>
    /// Sign-in attempts are recorded as the name typed (cut to the longest valid user name), with the
    /// account's id when there is one, so the trail shows guessing against real and made-up accounts.
    /// </summary>
    private static Task AuditSignInAsync(DbConnection c, string action, string userName, long? userId, CancellationToken ct, object? details = null)
    {
        ct.ThrowIfCancellationRequested();
        var typed = userName.Length > 64 ? userName[..64] : userName;
        var who = action == "user.signin" ? new UserContext(typed, null) : UserContext.Anonymous;
        return AuditLog.WriteAsync(c, null, who, action, "user", userId, null, details ?? new { userName = typed });
    }

    private const string WrongCredentials = "Wrong user name or password.";
    private const string LockedMessage = "Too many failed sign-ins; try again in a few minutes.";

    /// <summary>Why an attempt found no place: no such user, a disabled account, or a lockout (set, or all places taken by attempts in flight).</summary>
    private static async Task<SignInResult> RefusedUncheckedAsync(DbConnection c, string userName, string password, CancellationToken ct)
    {
        var disabled = await c.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            "SELECT disabled FROM users WHERE lower(user_name) = lower(@userName)", new { userName }, cancellationToken: ct));
        switch (disabled)
        {
            case null:
                // Same work as a real check, so timing does not reveal which names exist.
                Hasher.VerifyHashedPassword(userName, DummyHash, password);
                return new SignInResult(SignInOutcome.Failed, null, WrongCredentials);
            case true:
                return new SignInResult(SignInOutcome.Disabled, null, "This account is disabled.");
            default:
                return new SignInResult(SignInOutcome.LockedOut, null, LockedMessage);
        }
    }
}
