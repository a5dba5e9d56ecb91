"""Drives OpenStack Ceilometer's own HTTP event publisher against the Alarming event intake.

Usage: ceilometer_publish_events.py <publisher-url> <project-id> <instance-id> <event-type> <state> <message-id>
Publishes one compute event through HttpPublisher.publish_events, as a Ceilometer event pipeline
with that URL as a sink's publisher would.
"""
import datetime
import sys

from ceilometer import publisher
from ceilometer import service
from ceilometer.event import models

url, project_id, instance_id, event_type, state, message_id = sys.argv[1:7]

conf = service.prepare_service(argv=["ceilometer"], config_files=[])
http = publisher.get_publisher(conf, url, "ceilometer.event.publisher")
now = datetime.datetime.utcnow()
traits = [
    models.Trait("project_id", models.Trait.TEXT_TYPE, project_id),
    models.Trait("instance_id", models.Trait.TEXT_TYPE, instance_id),
    models.Trait("state", models.Trait.TEXT_TYPE, state),
    models.Trait("vcpus", models.Trait.INT_TYPE, 2),
    models.Trait("launched_at", models.Trait.DATETIME_TYPE, now),
]
event = models.Event(message_id, event_type, now, traits, {"event_type": event_type})
http.publish_events([event])
print("published")
