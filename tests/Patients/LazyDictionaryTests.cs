using OrleansBooking.Grains.Patients;

namespace OrleansBooking.Tests.Patients;

/// <summary>The patient's collections that exist only once something is added: they must still behave as the dictionaries they replace.</summary>
public sealed class LazyDictionaryTests
{
    [Fact]
    public void AnEmptyOneReadsAsEmpty()
    {
        var empty = LazyDictionary<string>.Of([], v => v);

        Assert.Equal(0, empty.Count);
        Assert.Empty(empty.Values);
        Assert.False(empty.ContainsKey("a"));
        Assert.False(empty.TryGetValue("a", out _));
        Assert.False(empty.Remove("a"));
    }

    [Fact]
    public void WhatIsSetInTheFieldIsThereAfterwards()
    {
        var holder = new Holder();

        holder.Values.Set("a", "first");
        holder.Values.Set("b", "second");
        holder.Values.Set("a", "again");

        Assert.Equal(2, holder.Values.Count);
        Assert.True(holder.Values.TryGetValue("a", out var a));
        Assert.Equal("again", a);
        Assert.Equal(["again", "second"], holder.Values.Values.Order(StringComparer.Ordinal));
        Assert.True(holder.Values.Remove("a"));
        Assert.False(holder.Values.ContainsKey("a"));
        Assert.True(holder.Values.ContainsKey("b"));
    }

    [Fact]
    public void KeysAreOrdinalAndEqualKeysAtLoadThrowAsToDictionaryDid()
    {
        var loaded = LazyDictionary<string>.Of(["a", "A"], v => v);

        Assert.Equal(2, loaded.Count);
        Assert.Throws<ArgumentException>(() => LazyDictionary<string>.Of(["a", "a"], v => v));
    }

    // As PatientBookings keeps them: a field that is not readonly.
    private sealed class Holder
    {
        public LazyDictionary<string> Values;
    }
}
