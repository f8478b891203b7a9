using ImageBackup.Domain.Billing;
using ImageBackup.Domain.Contracts;

namespace ImageBackup.Application.Contracts;

/// <summary>An accepted cancellation: the contract as now stored, the quote, and a preview of the final invoice.</summary>
public sealed record CancellationOutcome(Contract Contract, CancellationQuote Quote, Invoice? FinalInvoice);
