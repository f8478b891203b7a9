using System.Text.RegularExpressions;
using ImageBackup.Domain.Validation;

namespace ImageBackup.Application.NightlyRuns;

/// <summary>The rules for a manual start of a nightly run, checked before anything is started.</summary>
public static partial class NightlyRunRequestRules
{
    /// <summary>Most servers one manual run may name.</summary>
    public const int MaxServers = 10_000;

    /// <summary>Longest simulated work per server, in milliseconds.</summary>
    public const int MaxWorkMilliseconds = 60_000;

    /// <summary>Captures outstanding at once when a request does not say.</summary>
    public const int DefaultMaxInFlight = 200;

    /// <summary>The most captures outstanding at once that a request may ask for.</summary>
    public const int MaxInFlightLimit = 1_000;

    /// <summary>Returns every broken rule.</summary>
    public static IReadOnlyList<ValidationError> Check(string? date, IReadOnlyList<string?>? servers, int? workMilliseconds, int? maxInFlight)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrEmpty(date))
        {
            errors.Add(new("date", "required", "The night's date (yyyy-MM-dd, JST) is required."));
        }
        else if (!NightlyRunNames.TryParseDate(date, out _))
        {
            errors.Add(new("date", "format", "The date must be a calendar date written yyyy-MM-dd, e.g. 2026-12-01."));
        }

        if (servers is { Count: > MaxServers })
        {
            errors.Add(new("servers", "max-items", $"At most {MaxServers} servers per run."));
        }
        else if (servers is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < servers.Count; i++)
            {
                var s = servers[i];
                if (s is null || !ServerName().IsMatch(s))
                {
                    errors.Add(new($"servers[{i}]", "format", "A server name is 1-100 characters of letters, digits, '.', '-' and '_'."));
                }
                else if (!seen.Add(s))
                {
                    errors.Add(new($"servers[{i}]", "duplicate", $"Server '{s}' is listed twice."));
                }
            }
        }

        if (workMilliseconds is < 0 or > MaxWorkMilliseconds)
        {
            errors.Add(new("workMilliseconds", "range", $"Simulated work per server is 0 to {MaxWorkMilliseconds} ms."));
        }

        if (maxInFlight is < 1 or > MaxInFlightLimit)
        {
            errors.Add(new("maxInFlight", "range", $"Captures in flight are 1 to {MaxInFlightLimit}."));
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ServerName();
}
