using ImageBackup.Domain.Billing;

namespace ImageBackup.Domain.Tests.Billing;

[TestClass]
public sealed class ConsumptionTaxTests
{
    [TestMethod]
    [DataRow(0L, 0L)]
    [DataRow(9L, 0L)]
    [DataRow(10_344L, 1_034L)]
    [DataRow(11_833L, 1_183L)]
    [DataRow(19_039L, 1_903L)]
    [DataRow(25_000L, 2_500L)]
    public void Tax_is_ten_percent_of_the_subtotal_rounded_down(long subtotal, long tax)
    {
        var result = ConsumptionTax.On(subtotal);

        Assert.AreEqual(tax, result);
    }

    [TestMethod]
    public void Tax_is_computed_once_on_the_subtotal_not_per_line()
    {
        // Lines of 5 yen each would be taxed 0 each, but their sum of 10 yen carries 1 yen of tax.
        var lines = new[] { 5L, 5L };

        var tax = ConsumptionTax.On(lines.Sum());

        Assert.AreEqual(1L, tax);
    }
}
