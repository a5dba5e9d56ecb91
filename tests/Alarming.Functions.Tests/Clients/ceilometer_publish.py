"""Drives OpenStack Ceilometer's own Gnocchi publisher against the Alarming metric store.

Usage: ceilometer_publish.py <endpoint> <instance-id> <project-id>
Runs ceilometer-upgrade's resource-type creation, then publishes three compute samples for one
instance through GnocchiPublisher with gnocchiclient's gnocchi-noauth plugin, as a real
Ceilometer configured with [service_credentials] auth_type = gnocchi-noauth would.
"""
import datetime
import sys
import tempfile

from ceilometer import gnocchi_client
from ceilometer import publisher
from ceilometer import sample
from ceilometer import service

endpoint, instance_id, project_id = sys.argv[1:4]

with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as conf_file:
    conf_file.write(f"""[DEFAULT]
[service_credentials]
auth_type = gnocchi-noauth
user_id = ceilometer
project_id = service
roles = admin
endpoint = {endpoint}
""")

conf = service.prepare_service(argv=["ceilometer"], config_files=[conf_file.name])
gnocchi_client.upgrade_resource_types(conf)

gnocchi = publisher.get_publisher(conf, "gnocchi://", "ceilometer.sample.publisher")
now = datetime.datetime.utcnow().replace(microsecond=0)
metadata = {"display_name": "vm-one", "host": "compute-1", "image_ref": "img-1",
            "flavor_id": "1", "flavor_name": "m1.small", "instance_flavor_id": "1"}
samples = [
    sample.Sample(name="cpu", type=sample.TYPE_CUMULATIVE, unit="ns", volume=volume,
                  user_id="u-ceilo", project_id=project_id, resource_id=instance_id,
                  timestamp=(now - datetime.timedelta(minutes=minutes)).isoformat(),
                  resource_metadata=metadata)
    for minutes, volume in ((3, 1000.0), (2, 3000.0), (1, 6000.0))
]
gnocchi.publish_samples(samples)
# A second publish takes the cached path (resources known, archive policies done).
gnocchi.publish_samples([sample.Sample(name="memory.usage", type=sample.TYPE_GAUGE, unit="MB", volume=512.0,
                                       user_id="u-ceilo", project_id=project_id, resource_id=instance_id,
                                       timestamp=now.isoformat(), resource_metadata=metadata)])
print("published")
