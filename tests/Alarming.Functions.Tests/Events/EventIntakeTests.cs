using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alarming.Functions.Tests.Fixtures;
using Alarming.Storage.Queues;
using Azure.Storage.Queues;

namespace Alarming.Functions.Tests.Events;

/// <summary>Events in through every intake (the queue with the Azure SDK, <c>POST /v2/events</c> in
/// each producer's shape), who may post them, duplicates and malformed input.</summary>
public sealed class EventIntakeTests(EventsHostFixture host) : IClassFixture<EventsHostFixture>
{
    private static readonly Dictionary<string, string> Secret = new() { ["Authorization"] = "Bearer " + EventsHostFixture.IntakeSecret };

    private static JsonObject EventAlarm(string eventType, string field, string value, bool repeat = false) => new()
    {
        ["name"] = "event-" + Guid.NewGuid().ToString("N")[..8],
        ["type"] = "event",
        ["repeat_actions"] = repeat,
        ["event_rule"] = new JsonObject
        {
            ["event_type"] = eventType,
            ["query"] = new JsonArray(new JsonObject { ["field"] = field, ["op"] = "eq", ["value"] = value, ["type"] = "string" }),
        },
    };

    private static async Task<string> CreateAsync(ApiClient project, JsonObject alarm) =>
        (await project.CreateAlarmAsync(alarm))["alarm_id"]!.GetValue<string>();

    private async Task<string> StateAsync(ApiClient project, string alarmId) =>
        (await project.GetAsync($"/v2/alarms/{alarmId}")).Json!["state"]!.GetValue<string>();

    private async Task<int> TransitionsAsync(ApiClient project, string alarmId) =>
        (await project.GetAsync($"/v2/alarms/{alarmId}/history?q.field=type&q.value=state%20transition")).Json!.AsArray().Count;

    private static Task<ApiResponse> PostAsync(ApiClient caller, JsonNode body, string contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null, string query = "") =>
        caller.SendAsync(HttpMethod.Post, "/v2/events" + query, body.ToJsonString(), contentType, headers);

    private ApiClient Anonymous => host.As(null, null, null);

    [Fact]
    public async Task EventGridEvent_PutOnTheQueueWithTheAzureSdk_FiresItsAlarm()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, EventAlarm("Microsoft.Compute.*", "traits.subject", "vm/web-1"));
        var queue = new QueueClient(host.Storage, QueueNames.Events, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.SendMessageAsync(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["topic"] = "/subscriptions/s/resourceGroups/rg", ["subject"] = "vm/web-1",
            ["eventType"] = "Microsoft.Compute.VirtualMachineStopped", ["eventTime"] = "2026-01-05T10:00:00Z",
            ["data"] = new JsonObject { ["project_id"] = project.ProjectId }, ["dataVersion"] = "1", ["metadataVersion"] = "1",
        }.ToJsonString());
        await host.WaitForEventsAsync();
        Assert.Equal("alarm", await StateAsync(project, id));
    }

    [Fact]
    public async Task EventGridOverHttp_AnswersTheValidation_ThenDelivers()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, EventAlarm("Contoso.Items.*", "traits.item", "i-1"));
        var validation = await PostAsync(Anonymous, JsonNode.Parse("""
            [{"id": "v1", "topic": "t", "subject": "", "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
              "eventTime": "2026-01-05T10:00:00Z", "data": {"validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}, "dataVersion": "1"}]
            """)!, headers: new Dictionary<string, string> { ["aeg-event-type"] = "SubscriptionValidation" },
            query: "?access_token=" + EventsHostFixture.IntakeSecret);
        Assert.Equal(HttpStatusCode.OK, validation.Status);
        Assert.Equal("""{"validationResponse":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}""", validation.Text);

        var delivery = await PostAsync(Anonymous, new JsonArray(new JsonObject
        {
            ["id"] = "eg-" + Guid.NewGuid(), ["topic"] = "t", ["subject"] = "items/i-1", ["eventType"] = "Contoso.Items.ItemReceived",
            ["eventTime"] = "2026-01-05T10:00:00Z", ["data"] = new JsonObject { ["item"] = "i-1", ["project_id"] = project.ProjectId },
        }), headers: new Dictionary<string, string> { ["aeg-event-type"] = "Notification" }, query: "?access_token=" + EventsHostFixture.IntakeSecret);
        Assert.Equal(HttpStatusCode.Accepted, delivery.Status);
        Assert.Equal("""{"accepted":1}""", delivery.Text);
        await host.WaitForEventsAsync();
        Assert.Equal("alarm", await StateAsync(project, id));
    }

    [Fact]
    public async Task CloudEvents_StructuredAndBatch_Fire_AndOptionsAnswersTheWebhookHandshake()
    {
        var project = host.NewProject();
        var one = await CreateAsync(project, EventAlarm("com.example.*", "traits.subject", "one"));
        var two = await CreateAsync(project, EventAlarm("com.example.*", "traits.subject", "two"));
        JsonObject CloudEvent(string subject) => new()
        {
            ["specversion"] = "1.0", ["id"] = Guid.NewGuid().ToString(), ["source"] = "/monitors", ["type"] = "com.example.down",
            ["subject"] = subject, ["projectid"] = project.ProjectId, ["data"] = new JsonObject { ["code"] = 503 },
        };

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(Anonymous, CloudEvent("one"), "application/cloudevents+json", Secret)).Status);
        await host.WaitForEventsAsync();
        Assert.Equal("alarm", await StateAsync(project, one));
        Assert.Equal("insufficient data", await StateAsync(project, two));
        var batch = await PostAsync(Anonymous, new JsonArray(CloudEvent("two"), CloudEvent("nobody")), "application/cloudevents-batch+json", Secret);
        Assert.Equal("""{"accepted":2}""", batch.Text);
        await host.WaitForEventsAsync();
        Assert.Equal("alarm", await StateAsync(project, two));

        var handshake = await Anonymous.SendAsync(HttpMethod.Options, "/v2/events", null,
            headers: new Dictionary<string, string> { ["WebHook-Request-Origin"] = "eventemitter.example.com" });
        Assert.Equal(HttpStatusCode.OK, handshake.Status);
        Assert.Equal("eventemitter.example.com", handshake.Header("WebHook-Allowed-Origin"));
        Assert.Equal("*", handshake.Header("WebHook-Allowed-Rate"));
        Assert.Equal("POST", handshake.Header("Allow"));
    }

    [Fact]
    public async Task WhoMayPost_SecretOrIdentity_AndAMemberOnlyForItsOwnProject()
    {
        var project = host.NewProject();
        var other = host.NewProject();
        var mine = await CreateAsync(project, EventAlarm("door.*", "traits.door", "front"));
        var theirs = await CreateAsync(other, EventAlarm("door.*", "traits.door", "front"));
        JsonObject Door(string? eventProject) => EventsHostFixture.Event(Guid.NewGuid().ToString(), "door.opened", eventProject, ("door", 1, "front"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Anonymous, Door(project.ProjectId))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Anonymous, Door(project.ProjectId), query: "?access_token=wrong")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Anonymous, Door(project.ProjectId),
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer wrong" })).Status);

        // A member may post only for its own project: one naming another is 403, and the request changes nothing.
        var forbidden = await PostAsync(project, new JsonArray(Door(null), Door(other.ProjectId)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        await host.WaitForEventsAsync();
        Assert.Equal("insufficient data", await StateAsync(project, mine));
        Assert.Equal("insufficient data", await StateAsync(other, theirs));

        // An event naming no project takes the member's.
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(project, Door(null))).Status);
        await host.WaitForEventsAsync();
        Assert.Equal("alarm", await StateAsync(project, mine));
        Assert.Equal("insufficient data", await StateAsync(other, theirs));

        // The secret as a Basic password, as Ceilometer sends https://user:secret@host/...; events keep their project.
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("ceilometer:" + EventsHostFixture.IntakeSecret));
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(Anonymous, Door(other.ProjectId),
            headers: new Dictionary<string, string> { ["Authorization"] = "Basic " + basic })).Status);
        await host.WaitForEventsAsync();
        Assert.Equal("alarm", await StateAsync(other, theirs));
    }

    [Fact]
    public async Task AnEventOfOneProject_NeverFiresAnothersAlarm_EvenPostedByAnAdmin()
    {
        var first = host.NewProject();
        var second = host.NewProject();
        var a = await CreateAsync(first, EventAlarm("*", "traits.host", "h1"));
        var b = await CreateAsync(second, EventAlarm("*", "traits.host", "h1"));
        var admin = host.As("u-admin", "p-admin", "admin");
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(admin, EventsHostFixture.Event("m-" + Guid.NewGuid(), "host.down", first.ProjectId, ("host", 1, "h1")))).Status);
        await host.WaitForEventsAsync();
        Assert.Equal("alarm", await StateAsync(first, a));
        Assert.Equal("insufficient data", await StateAsync(second, b));
    }

    [Fact]
    public async Task TheSameEvent_ThreeTimes_FiresOnce_AndADifferentOneFiresAgain()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, EventAlarm("disk.*", "traits.disk", "sda", repeat: true));
        var same = EventsHostFixture.Event("dup-" + Guid.NewGuid(), "disk.failed", project.ProjectId, ("disk", 1, "sda"));

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(project, same)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(project, same)).Status);
        await new QueueProbe(host.Storage, QueueNames.Events).SendJsonAsync(same);
        await host.WaitForEventsAsync();
        Assert.Equal(1, await TransitionsAsync(project, id));

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(project,
            EventsHostFixture.Event("dup-" + Guid.NewGuid(), "disk.failed", project.ProjectId, ("disk", 1, "sda")))).Status);
        await host.WaitForEventsAsync();
        Assert.Equal(2, await TransitionsAsync(project, id));
    }

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "application/json", "[\"not an object\"]", "Event 0 is malformed: an event is not an object" },
        { "application/json", """{"hello": "world"}""", "Event 0 is malformed: not an Aodh, Event Grid or CloudEvents event" },
        { "application/json", """{"message_id": "m", "traits": []}""", "Event 0 is malformed: no event_type" },
        { "application/json", """{"event_type": "x.y", "traits": []}""", "Event 0 is malformed: no message_id" },
        { "application/json", """{"message_id": "m", "event_type": "x.y", "traits": {"a": 1}}""", "Event 0 is malformed: traits is not a list" },
        { "application/json", """{"message_id": "m", "event_type": "x.y", "traits": [["a", 1]]}""", "is not a list of name, type and value" },
        { "application/json", """{"message_id": "m", "event_type": "x.y", "traits": [["n", 2, "abc"]]}""", "cannot be converted" },
        { "application/cloudevents-batch+json", """{"specversion": "0.3", "id": "c", "source": "s", "type": "t"}""", "Event 0 is malformed: specversion is not 1.0" },
        { "application/cloudevents-batch+json", """{"specversion": "1.0", "id": "c", "type": "t"}""", "Event 0 is malformed: a CloudEvent has no source" },
        { "application/cloudevents+json", """{"specversion": "0.3", "id": "c", "source": "s", "type": "t"}""", "Event 0 is malformed: specversion is not 1.0" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_OverHttp_Is400_AndQueuesNothing(string contentType, string body, string fault)
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, EventAlarm("*", "traits.k", "v"));
        // In a list, a well-formed event that would fire goes first: the malformed one must keep it out too.
        JsonNode good = contentType == "application/json"
            ? EventsHostFixture.Event("good-" + Guid.NewGuid(), "x.y", project.ProjectId, ("k", 1, "v"))
            : new JsonObject { ["specversion"] = "1.0", ["id"] = "good-" + Guid.NewGuid(), ["source"] = "s", ["type"] = "x.y", ["data"] = new JsonObject { ["k"] = "v" } };
        var inList = contentType is "application/json" or "application/cloudevents-batch+json";
        var text = inList ? $"[{good.ToJsonString()}, {body.Trim('[', ']')}]" : body;
        var response = await project.SendAsync(HttpMethod.Post, "/v2/events", text, contentType);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(inList ? fault.Replace("Event 0", "Event 1") : fault, response.Fault);
        await host.WaitForEventsAsync();
        Assert.Equal("insufficient data", await StateAsync(project, id));
    }

    [Fact]
    public async Task ACloudEventsBatch_ThatIsNoList_Is400()
    {
        var response = await host.NewProject().SendAsync(HttpMethod.Post, "/v2/events", """{"specversion": "1.0", "id": "c", "source": "s", "type": "t"}""",
            "application/cloudevents-batch+json");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("A batch of events must be a list", response.Fault);
    }

    [Fact]
    public async Task TooManyEvents_Is400()
    {
        var project = host.NewProject();
        var events = new JsonArray(Enumerable.Range(0, 1001).Select(i => (JsonNode?)EventsHostFixture.Event($"m{i}", "x", null)).ToArray());
        var response = await PostAsync(project, events);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("At most 1000 events in one request", response.Fault);
    }

    [Fact]
    public async Task Malformed_OnTheQueue_IsPoisonedAtOnce_OrSkippedBesideGoodEvents()
    {
        var project = host.NewProject();
        var id = await CreateAsync(project, EventAlarm("*", "traits.k", "v"));
        var events = new QueueProbe(host.Storage, QueueNames.Events);
        var poison = new QueueProbe(host.Storage, QueueNames.Events + "-poison");
        var before = await poison.CountAsync();

        await events.SendRawAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("this is not json")));
        await events.SendJsonAsync(new JsonArray(JsonNode.Parse("""{"message_id": "m"}"""),
            EventsHostFixture.Event("q-" + Guid.NewGuid(), "x.y", project.ProjectId, ("k", 1, "v"))));
        await events.SendJsonAsync(new JsonArray(JsonNode.Parse("""{"event_type": "x.y"}""")));
        await host.WaitForEventsAsync();

        Assert.Equal("alarm", await StateAsync(project, id));
        Assert.Equal(before + 2, await poison.CountAsync());
    }

    [Fact]
    public async Task OfAThousandEventAlarms_OnlyTheThreeMatchingMove()
    {
        var project = host.NewProject();
        var ids = new string[1000];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            ids[i] = await CreateAsync(project, EventAlarm("vm.*", "traits.vm", i % 333 == 7 ? "hit" : $"miss-{i}")));
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(project, EventsHostFixture.Event("m-" + Guid.NewGuid(), "vm.down", null, ("vm", 1, "hit")))).Status);
        await host.WaitForEventsAsync();
        var inAlarm = (await project.GetAsync("/v2/alarms?q.field=state&q.value=alarm")).Json!.AsArray()
            .Select(a => a!["alarm_id"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(new[] { 7, 340, 673 }.Select(i => ids[i]).Order().ToArray(), inAlarm);
    }
}
