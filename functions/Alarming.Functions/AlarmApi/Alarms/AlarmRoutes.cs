namespace Alarming.Functions.AlarmApi.Alarms;

internal static class AlarmRoutes
{
    public const string Alarms = "v2/alarms";
    public const string Alarm = Alarms + "/{alarmId}";
    public const string State = Alarm + "/state";
    public const string History = Alarm + "/history";
    public const string Acknowledgement = Alarm + "/ack";
    public const string Deliveries = Alarm + "/notifications";
}
