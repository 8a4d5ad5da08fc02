using System.Globalization;
using System.Threading.RateLimiting;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Web.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace IraqCoalition.Web.Security;

/// <summary>Work that costs seconds of CPU or hundreds of MB: each kind has its own limits.</summary>
public enum WorkKind
{
    Pdf,
    Ingest,
    Reextract,
    Search,
}

/// <summary>How many of one kind run at once, per user and on the whole server, and how many more may wait in line.</summary>
public sealed record WorkLimit(int PerUser, int PerUserQueue, int Global, int GlobalQueue);

/// <summary>Marks an endpoint or page whose requests count against <see cref="WorkLimits"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExpensiveWorkAttribute(WorkKind kind) : Attribute
{
    public WorkKind Kind { get; } = kind;

    /// <summary>Only requests this accepts count (the export endpoint is expensive for PDF only); null: all.</summary>
    public Func<HttpRequest, bool>? When { get; init; }
}

/// <summary>Refused because the server or this user already runs as much of this work as allowed.</summary>
public sealed class ServerBusyException(string message) : Exception(message);

/// <summary>
/// Concurrency limits with short queues on expensive work, per user (or per address for anonymous
/// visitors) and globally, from System.Threading.RateLimiting. HTTP requests reach them through ASP.NET
/// Core's rate-limiting middleware (this is its global limiter, keyed by the endpoint's
/// <see cref="ExpensiveWorkAttribute"/>); work started inside a Blazor circuit, which makes no HTTP
/// request, acquires from the same limiters, so the page and the API share one budget.
/// </summary>
public sealed class WorkLimits : IDisposable
{
    public const int RetryAfterSeconds = 5;

    public static readonly IReadOnlyDictionary<WorkKind, WorkLimit> Defaults = new Dictionary<WorkKind, WorkLimit>
    {
        // A PDF holds a Chromium page (60–150 ms and tens of MB each): two at once, a few waiting.
        [WorkKind.Pdf] = new(PerUser: 1, PerUserQueue: 2, Global: 2, GlobalQueue: 6),
        [WorkKind.Ingest] = new(PerUser: 1, PerUserQueue: 4, Global: 2, GlobalQueue: 8),
        // One re-extraction of every article at a time is already the whole machine.
        [WorkKind.Reextract] = new(PerUser: 1, PerUserQueue: 0, Global: 1, GlobalQueue: 0),
        [WorkKind.Search] = new(PerUser: 4, PerUserQueue: 8, Global: 16, GlobalQueue: 32),
    };

    private readonly IReadOnlyDictionary<WorkKind, WorkLimit> _limits;
    private readonly PartitionedRateLimiter<WorkKey> _limiter;

    public WorkLimits(IConfiguration configuration)
    {
        _limits = Defaults.ToDictionary(d => d.Key, d => FromConfiguration(configuration.GetSection($"Limits:{d.Key}"), d.Value));
        var perUser = PartitionedRateLimiter.Create<WorkKey, WorkKey>(key => key.Kind is { } kind
            ? RateLimitPartition.GetConcurrencyLimiter(key, _ => Options(_limits[kind].PerUser, _limits[kind].PerUserQueue))
            : RateLimitPartition.GetNoLimiter(key));
        var global = PartitionedRateLimiter.Create<WorkKey, WorkKey>(key => key.Kind is { } kind
            ? RateLimitPartition.GetConcurrencyLimiter(key with { User = "" }, _ => Options(_limits[kind].Global, _limits[kind].GlobalQueue))
            : RateLimitPartition.GetNoLimiter(key with { User = "" }));
        _limiter = PartitionedRateLimiter.CreateChained(perUser, global);
    }

    public WorkLimit this[WorkKind kind] => _limits[kind];

    /// <summary>Waits for a place (in line if there is room); throws <see cref="ServerBusyException"/> when there is none.</summary>
    public async Task<RateLimitLease> AcquireAsync(WorkKind kind, UserContext user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lease = await _limiter.AcquireAsync(new WorkKey(kind, user.UserName is { } name ? "user:" + name : "anonymous"), 1, ct);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw new ServerBusyException(BusyMessage(kind));
    }

    public static string BusyMessage(WorkKind? kind) => kind switch
    {
        WorkKind.Pdf => "The server is busy making other PDFs. Try again in a few seconds; the other formats are not limited.",
        WorkKind.Ingest => "The server is busy ingesting other articles. Try again in a few seconds.",
        WorkKind.Reextract => "A re-extraction is already running. Try again when it has finished.",
        WorkKind.Search => "The server is busy with other searches. Try again in a few seconds.",
        _ => "The server is busy. Try again in a few seconds.",
    };

    public void Dispose() => _limiter.Dispose();

    /// <summary>The limiter as ASP.NET Core's middleware wants it: keyed by the request's endpoint and user.</summary>
    internal PartitionedRateLimiter<HttpContext> ForRequests() => _limiter.WithTranslatedKey<HttpContext>(KeyOf, leaveOpen: true);

    private static WorkKey KeyOf(HttpContext context)
    {
        var work = context.GetEndpoint()?.Metadata.GetMetadata<ExpensiveWorkAttribute>();
        if (work is null || work.When?.Invoke(context.Request) == false)
        {
            return new WorkKey(null, "");
        }

        var user = context.User.ToUserContext().UserName;
        return new WorkKey(work.Kind, user is not null ? "user:" + user : "address:" + context.Connection.RemoteIpAddress);
    }

    private static ConcurrencyLimiterOptions Options(int permits, int queue) =>
        new() { PermitLimit = Math.Max(permits, 1), QueueLimit = Math.Max(queue, 0), QueueProcessingOrder = QueueProcessingOrder.OldestFirst };

    private static WorkLimit FromConfiguration(IConfigurationSection section, WorkLimit fallback) => new(
        section.GetValue("PerUser", fallback.PerUser), section.GetValue("PerUserQueue", fallback.PerUserQueue),
        section.GetValue("Global", fallback.Global), section.GetValue("GlobalQueue", fallback.GlobalQueue));

    private readonly record struct WorkKey(WorkKind? Kind, string User);
}

public static class WorkLimitsSetup
{
    /// <summary>Wires the limits into ASP.NET Core's rate-limiting middleware: 429 with Retry-After and the message above.</summary>
    public static IServiceCollection AddWorkLimits(this IServiceCollection services)
    {
        services.AddSingleton<WorkLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = WorkLimits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                var kind = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ExpensiveWorkAttribute>()?.Kind;
                return new ValueTask(ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Busy", WorkLimits.BusyMessage(kind)));
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<WorkLimits>((o, limits) =>
            o.GlobalLimiter = limits.ForRequests());
        return services;
    }
}
