using System.Net;
using System.Net.Sockets;
using Alarming.Core.Notification;

namespace Alarming.Functions.Notification;

/// <summary>The webhook client's <c>ConnectCallback</c>: resolves the host itself and connects only
/// to addresses the <see cref="DestinationPolicy"/> allows, so the address checked is the address
/// used (no DNS-rebinding window), for the first request and every redirect alike.</summary>
internal sealed class GuardedConnector(DestinationPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = policy.AllowsHost(host) ? addresses : addresses.Where(policy.Allows).ToArray();
        if (usable.Length == 0)
        {
            throw new DestinationRefusedException(
                $"{host} ({string.Join(", ", addresses.Select(a => a.ToString()))}) is not an allowed webhook destination; see Notifier__AllowedNetworks");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
