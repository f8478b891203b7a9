namespace ImageBackup.Domain.Contracts;

/// <summary>Why a contract request was refused, with a stable rule name clients can branch on and a sentence for people.</summary>
/// <param name="Rule">Stable rule name, e.g. <c>deadline-passed</c>.</param>
/// <param name="Message">English sentence naming the deadline or the state.</param>
public sealed record PolicyRejection(string Rule, string Message);
