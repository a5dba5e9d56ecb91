using Alarming.Core.Actions;

namespace Alarming.Core.Tests.Actions;

public sealed class ActionRedactionTests
{
    [Theory]
    [InlineData("https://user:pw@host/p?token=abc", "https://***@host/p?token=***")]
    [InlineData("https://hooks.example.net/cpu", "https://hooks.example.net/cpu")]
    [InlineData("http://h/p?a=1&b=&c#frag=x", "http://h/p?a=***&b=***&c#frag=x")]
    [InlineData("log://", "log://")]
    [InlineData("queue://alarm-out", "queue://alarm-out")]
    [InlineData("not a url", "not a url")]
    public void HidesUserInfoAndQueryValues(string action, string shown) => Assert.Equal(shown, ActionRedaction.Of(action));
}
