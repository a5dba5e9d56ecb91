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
    [InlineData("https://us er:p{w}@host/p", "https://***@host/p")]          // what a URI parser would escape or refuse
    [InlineData("https://a@b:c@host?k=v", "https://***@host?k=***")]
    public void HidesUserInfoAndQueryValues(string action, string shown) => Assert.Equal(shown, ActionRedaction.Of(action));
}
