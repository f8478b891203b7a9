using ImageBackup.Application.Security;

namespace ImageBackup.Application.Tests;

[TestClass]
public sealed class ApiKeyFormatTests
{
    [TestMethod]
    [DataRow(Role.Customer, "ibc_")]
    [DataRow(Role.Agent, "iba_")]
    [DataRow(Role.Ops, "ibo_")]
    public void A_new_key_carries_its_role_prefix_and_256_random_bits(Role role, string prefix)
    {
        // Act
        var keys = Enumerable.Range(0, 50).Select(_ => ApiKeyFormat.NewKey(role)).ToList();

        // Assert
        Assert.IsTrue(keys.All(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.Length == prefix.Length + 43), string.Join(",", keys));
        Assert.HasCount(50, keys.Distinct().ToList());
        Assert.IsTrue(keys.All(k => !k.Contains('+', StringComparison.Ordinal) && !k.Contains('/', StringComparison.Ordinal)), "keys are URL- and header-safe");
    }

    [TestMethod]
    public void The_stored_hash_is_the_sha256_of_the_key_and_never_the_key()
    {
        // Act
        var hash = ApiKeyFormat.Hash("abc");

        // Assert
        Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
    }
}
