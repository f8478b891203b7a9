using System.Globalization;
using ImageBackup.Domain.Plans;

namespace ImageBackup.Domain.Validation;

/// <summary>The plan list of an order: at least one known code, no code twice (ignoring case), at most one remote plan.</summary>
public static class PlanSelectionRule
{
    /// <summary>The plans found, in order; broken rules are added to <paramref name="errors"/> with <c>plans[i]</c> paths.</summary>
    public static IReadOnlyList<BackupPlan> Check(IReadOnlyList<string?>? codes, ICollection<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (codes is null || codes.Count == 0)
        {
            errors.Add(new("plans", ValidationRules.Required, "At least one plan is required."));
            return [];
        }

        var plans = new List<BackupPlan>();
        for (var i = 0; i < codes.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"plans[{i}]");
            if (string.IsNullOrWhiteSpace(codes[i]))
            {
                errors.Add(new(field, ValidationRules.Required, "The plan code is empty."));
            }
            else if (!PlanCatalog.TryFind(codes[i]!.Trim(), out var plan))
            {
                errors.Add(new(field, ValidationRules.UnknownPlan,
                    $"'{codes[i]}' is not a plan; use one of: {string.Join(", ", PlanCatalog.All.Select(p => p.Code))}."));
            }
            else if (plans.Contains(plan))
            {
                errors.Add(new(field, ValidationRules.DuplicatePlan, $"{plan.Code} is listed more than once."));
            }
            else if (plan.IsRemote && plans.Any(p => p.IsRemote))
            {
                errors.Add(new(field, ValidationRules.OneRemotePlan,
                    "At most one remote plan (backup-HKD-100 or backup-HKD-200) can be ordered for a server."));
            }
            else
            {
                plans.Add(plan);
            }
        }

        return plans;
    }
}
