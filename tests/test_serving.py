"""`make serve`'s gunicorn stays up for readers while slow clients hold
connections open (loopback only, four connections, a few seconds)."""

from bench.load import gunicorn, slowloris_reader_latencies
from bench.report import percentile


def test_two_slowloris_connections_do_not_hold_up_readers():
    with gunicorn() as base:
        # Four, so that however the two workers share them, each holds some.
        latencies = slowloris_reader_latencies(base, "/robots.txt", seconds=8, connections=4)
    assert len(latencies) > 10
    assert percentile(latencies, 99) < 1000
