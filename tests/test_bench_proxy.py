"""bench/proxy.py: the latency-adding TCP proxy of the online benchmarks.

Times are checked only where they cannot depend on the machine's speed: a lower bound (the
delay the proxy adds), and, for "a burst is delayed once, not once per chunk", a bound with
a margin of several delays, taking the best of a few attempts so that one slow scheduling
on a loaded machine cannot fail the test.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from proxy import DelayProxy  # noqa: E402 - bench/proxy.py

ATTEMPTS = 3


@pytest.fixture
def upstream(pg_server: str) -> dict[str, object]:
    """Where the proxy forwards to and how to log in: the test server, without TLS (whose
    handshake would add round trips that depend on the server's configuration)."""
    from sqlalchemy.engine import make_url

    url = make_url(pg_server)
    return {
        "host": url.host or "127.0.0.1",
        "port": url.port or 5432,
        "user": url.username or "postgres",
        "password": url.password,
        "dbname": url.database or "postgres",
    }


def connect(proxy: DelayProxy, upstream: dict[str, object]):
    import psycopg

    return psycopg.connect(
        host="127.0.0.1",
        port=proxy.port,
        user=upstream["user"],
        password=upstream["password"],
        dbname=upstream["dbname"],
        sslmode="disable",
        autocommit=True,
    )


def test_counts_round_trips_and_adds_latency(upstream: dict[str, object]) -> None:
    delay_ms = 10.0
    delay = delay_ms / 1000
    with DelayProxy(delay_ms, upstream=(upstream["host"], upstream["port"])) as proxy:
        assert proxy.port != 0
        t0 = time.perf_counter()
        with connect(proxy, upstream) as conn:
            # the startup message and its answer: at least one round trip
            assert time.perf_counter() - t0 >= 2 * delay
            stats = proxy.stats()
            assert stats.connections == 1
            assert stats.round_trips == 1, stats
            for i in range(3):
                before = proxy.stats().round_trips
                t = time.perf_counter()
                assert conn.execute("SELECT %s::int", (i,)).fetchone() == (i,)
                elapsed = time.perf_counter() - t
                # out and back: the proxy adds the delay once in each direction
                assert elapsed >= 2 * delay, elapsed
                assert proxy.stats().round_trips == before + 1
        assert proxy.wait_idle()
        stats = proxy.stats()
        # closing sends Terminate after the last answer: one more client turn
        assert stats.connections == 1
        assert stats.per_connection == (5,), stats
        assert stats.bytes_up > 0 and stats.bytes_down > 0

        # a second connection is counted on its own; reset() forgets the first
        proxy.reset()
        with connect(proxy, upstream) as conn:
            conn.execute("SELECT 1")
        assert proxy.wait_idle()
        assert proxy.stats().connections == 1
        assert proxy.stats().per_connection == (3,)


def test_pipelined_queries_are_one_round_trip(upstream: dict[str, object]) -> None:
    # A long delay, so that the bound below leaves a wide margin for a loaded machine.
    delay_ms = 100.0
    delay = delay_ms / 1000
    with DelayProxy(delay_ms, upstream=(upstream["host"], upstream["port"])) as proxy:
        with connect(proxy, upstream) as conn:
            best = float("inf")
            for _ in range(ATTEMPTS):
                before = proxy.stats().round_trips
                t = time.perf_counter()
                with conn.pipeline():
                    first = conn.execute("SELECT 1")
                    second = conn.execute("SELECT 2")
                elapsed = time.perf_counter() - t
                assert first.fetchone() == (1,) and second.fetchone() == (2,)
                assert proxy.stats().round_trips == before + 1
                assert elapsed >= 2 * delay
                best = min(best, elapsed)
            # two round trips would take 4 * delay; one takes 2 * delay plus the machine's time
            assert best < 3 * delay, best


@pytest.fixture
def echo_server() -> Iterator[tuple[str, int]]:
    """A TCP server echoing every chunk back, for timing the proxy without PostgreSQL."""
    srv = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            with conn:
                while data := conn.recv(65536):
                    conn.sendall(data)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield srv.getsockname()[:2]
    finally:
        srv.close()


def test_burst_is_delayed_once_in_order(echo_server: tuple[str, int]) -> None:
    delay_ms = 50.0
    delay = delay_ms / 1000
    chunks = [f"chunk-{i};".encode() for i in range(8)]
    expected = b"".join(chunks)
    with DelayProxy(delay_ms, upstream=echo_server) as proxy:
        best = float("inf")
        for _ in range(ATTEMPTS):
            with socket.create_connection(("127.0.0.1", proxy.port)) as s:
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                t = time.perf_counter()
                for chunk in chunks:
                    s.sendall(chunk)
                    time.sleep(0.002)  # separate reads at the proxy, most likely
                got = b""
                while len(got) < len(expected):
                    data = s.recv(65536)
                    assert data, "proxy closed early"
                    got += data
                elapsed = time.perf_counter() - t
            assert got == expected  # order kept per direction
            assert elapsed >= 2 * delay
            best = min(best, elapsed)
        # one delay each way for the whole burst (~2 * delay + 16 ms of sleeps), where
        # delivering chunk by chunk would take 8 * delay or more
        assert best < 4 * delay, best
        assert proxy.wait_idle()
        assert proxy.stats().connections == ATTEMPTS
