using System.Globalization;
using ImageBackup.Application.Results;

namespace ImageBackup.Application.Captures;

/// <summary>
/// Names of a night's captures: <c>cap-{yyyyMMdd}-{contract hex}-{attempt}</c> for a command, <c>capture-{yyyyMMdd}-{contract hex}</c>
/// for the server's orchestration, so every id is fixed by the night, the contract and the attempt and replays stay idempotent.
/// </summary>
public static class CaptureIds
{
    private const string CapturePrefix = "cap-";
    private const string InstancePrefix = "capture-";
    private const string ContractPrefix = "ctr-";

    /// <summary>The capture id of one attempt.</summary>
    public static string CaptureId(DateOnly night, string contractId, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{CapturePrefix}{night:yyyyMMdd}-{Hex(contractId)}-{attempt}");

    /// <summary>The fixed instance id of a server's capture orchestration for a night.</summary>
    public static string InstanceId(DateOnly night, string contractId) =>
        string.Create(CultureInfo.InvariantCulture, $"{InstancePrefix}{night:yyyyMMdd}-{Hex(contractId)}");

    /// <summary>Reads a capture id; <c>false</c> for anything not written by <see cref="CaptureId"/>.</summary>
    public static bool TryParse(string? captureId, out DateOnly night, out string contractId, out int attempt)
    {
        night = default;
        contractId = "";
        attempt = 0;
        var parts = captureId?.Split('-');
        if (parts is not { Length: 4 } || parts[0] != "cap"
            || !DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out night)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out attempt) || attempt is < 1 or > 99)
        {
            return false;
        }

        contractId = ContractPrefix + parts[2];
        return ResourceIds.IsWellFormed(contractId, ContractPrefix);
    }

    private static string Hex(string contractId) => contractId[ContractPrefix.Length..];
}
