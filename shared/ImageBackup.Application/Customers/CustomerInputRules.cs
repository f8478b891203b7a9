using System.Net.Mail;
using ImageBackup.Domain.Validation;

namespace ImageBackup.Application.Customers;

/// <summary>The rules for a customer's name and e-mail, checked before anything is stored.</summary>
public static class CustomerInputRules
{
    /// <summary>Longest accepted customer name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Returns every broken rule of a registration request.</summary>
    public static IReadOnlyList<ValidationError> Check(string? name, string? email)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", "required", "The customer name is required."));
        }
        else if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add(new("name", "format", $"The customer name must be at most {MaxNameLength} characters without control characters."));
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add(new("email", "required", "A contact e-mail address is required."));
        }
        else if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(new("email", "format", "The contact e-mail must be a plain address such as ops@example.co.jp."));
        }

        return errors;
    }
}
