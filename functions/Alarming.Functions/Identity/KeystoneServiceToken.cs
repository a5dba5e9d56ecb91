namespace Alarming.Functions.Identity;

/// <summary>The service user's own token, sent as <c>X-Auth-Token</c> with every validation.</summary>
/// <remarks>Renewed ahead of its expiry, as keystoneauth does (two minutes before, or half-way
/// through a shorter life), so a validation never goes out with a token about to lapse.</remarks>
internal sealed record KeystoneServiceToken(string Value, DateTimeOffset RenewAt)
{
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(2);

    public static KeystoneServiceToken From(string value, KeystoneToken token)
    {
        var life = token.ExpiresAt - token.IssuedAt;
        return new KeystoneServiceToken(value, token.ExpiresAt - (life / 2 < RenewalMargin ? life / 2 : RenewalMargin));
    }
}
