namespace ImageBackup.Domain.Validation;

/// <summary>One broken input rule, naming the field and the rule so a client can fix its request without guessing.</summary>
/// <param name="Field">JSON path of the offending field, e.g. <c>server.capacityBytes</c> or <c>plans[1]</c>.</param>
/// <param name="Rule">A short stable rule name, e.g. <c>required</c>, <c>range</c>, <c>unknown-plan</c>.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record ValidationError(string Field, string Rule, string Message);
