using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MinhBach.Features.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (posted forms, both steps) one address may make per minute, whatever the account.</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Submissions of a public form (questions, comments, petitions, ratings) one address may make per minute.</summary>
    public int PublicFormPerMinute { get; set; } = 5;

    /// <summary>Ratings ("Thông tin này có hữu ích không?") one address may send per minute: one click per page read,
    /// so more than a form; an office behind one address shares it.</summary>
    public int RatingPerMinute { get; set; } = 30;
}

/// <summary>
/// Per-address limits on what strangers can post: sign-in (password guessing across many accounts, which
/// per-account lockout alone does not stop) and the public forms. Reading pages is never limited here.
/// Over the limit the visitor gets the Vietnamese 429 page and nothing is processed.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicForm = "public-form";
    public const string Rating = "rating";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.SignInPerMinute is >= 1 and <= 100_000 && o.PublicFormPerMinute is >= 1 and <= 100_000 && o.RatingPerMinute is >= 1 and <= 100_000,
                "RateLimits: số lần mỗi phút phải từ 1 đến 100000.")
            .ValidateOnStart();
        var o = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask; // the status-code page middleware renders /loi/429
            };
            r.AddPolicy(SignIn, http => PostsPerAddress(http, SignIn, o.SignInPerMinute));
            r.AddPolicy(PublicForm, http => PostsPerAddress(http, PublicForm, o.PublicFormPerMinute));
            r.AddPolicy(Rating, http => PostsPerAddress(http, Rating, o.RatingPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PostsPerAddress(HttpContext http, string policy, int perMinute)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            return RateLimitPartition.GetNoLimiter(policy);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "?";
        return RateLimitPartition.GetFixedWindowLimiter(policy + "|" + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
