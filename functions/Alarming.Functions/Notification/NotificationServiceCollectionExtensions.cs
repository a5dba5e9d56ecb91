using Microsoft.Extensions.DependencyInjection;

namespace Alarming.Functions.Notification;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The notifier: options (validated at start), the webhook clients and one
    /// <see cref="IActionNotifier"/> per action scheme.</summary>
    public static IServiceCollection AddAlarmNotification(this IServiceCollection services)
    {
        // Also under Alarming: as the notification issue names it (Alarming__Notifier__AllowedNetworks); that one wins.
        services.AddOptions<NotifierOptions>().BindConfiguration(NotifierOptions.SectionName)
            .BindConfiguration("Alarming:" + NotifierOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddWebhookClients();
        services.AddSingleton<IActionNotifier, WebhookNotifier>();
        services.AddSingleton<IActionNotifier, LogNotifier>();
        services.AddSingleton<IActionNotifier, TestNotifier>();
        services.AddSingleton<IActionNotifier, QueueNotifier>();
        services.AddSingleton<TestNotificationSink>();
        services.AddSingleton<AlarmNotifier>();
        return services;
    }
}
