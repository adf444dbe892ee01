"""A TCP proxy that adds network latency and counts round trips (asyncio, stdlib only).

    python bench/proxy.py --delay-ms 10 --port 6543      # 127.0.0.1:6543 -> 127.0.0.1:5432

    with DelayProxy(delay_ms=10) as proxy:               # from Python: a background thread
        url = f"postgresql://postgres@127.0.0.1:{proxy.port}/db"
        ...
        proxy.wait_idle()
        print(proxy.stats().round_trips)

Every chunk read from either side is delivered to the other side at its arrival time plus the
one-way delay, in order per direction. Delivery times are scheduled, not queued behind each
other: a burst of pipelined messages arrives one delay later as a whole, as on a real network
with that latency and ample bandwidth. A client that waits for each answer before sending the
next request pays 2 * delay per request.

Round trips are counted per client connection: one for opening it (the client's first turn)
plus one for every *turn*, i.e. every time the client sends data after data from the server
has been delivered to it since its previous send. Pipelined requests sent before the answers
arrive are one turn; a request/answer/request/answer conversation is one turn per request.
Nothing is protocol-specific: PostgreSQL's SSLRequest and a TLS handshake are just bytes (and
turns) like any other.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
import threading
from dataclasses import dataclass, field

DEFAULT_DELAY_MS = 10.0
UPSTREAM = ("127.0.0.1", 5432)
CHUNK = 1 << 16


@dataclass
class Connection:
    """Counters of one client connection."""

    peer: str
    turns: int = 0  # client sends that follow delivered server data
    bytes_up: int = 0  # client -> server
    bytes_down: int = 0  # server -> client
    client_done: bool = False  # the client's side has been read to the end
    # set when server data has been delivered to the client since the client's last send
    _answered: bool = field(default=False, repr=False)

    @property
    def round_trips(self) -> int:
        # opening the connection is the first turn (the client speaks first: startup message)
        return 1 + self.turns


@dataclass(frozen=True)
class Stats:
    connections: int
    round_trips: int
    bytes_up: int
    bytes_down: int
    per_connection: tuple[int, ...]  # round trips of each connection, in opening order

    def __str__(self) -> str:
        return (
            f"{self.round_trips} round trips over {self.connections} connection(s) "
            f"({'+'.join(map(str, self.per_connection)) or '0'}), "
            f"{self.bytes_up} B up, {self.bytes_down} B down"
        )


class DelayProxy:
    """127.0.0.1:port -> upstream, with delay_ms added to each direction of every chunk.

    start() runs the proxy's event loop in a daemon thread and returns once it listens
    (port=0 picks a free port; read .port). stop() closes the listener and every connection.
    stats() and reset() may be called from any thread; wait_idle() waits until every client
    has been read to the end, so that stats() taken after a client process exited is complete.
    """

    def __init__(
        self,
        delay_ms: float = DEFAULT_DELAY_MS,
        port: int = 0,
        host: str = "127.0.0.1",
        upstream: tuple[str, int] = UPSTREAM,
        verbose: bool = False,
    ) -> None:
        self.delay = delay_ms / 1000.0
        self.host = host
        self.port = port
        self.upstream = upstream
        self.verbose = verbose
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._connections: list[Connection] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task] = set()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # -- counters ---------------------------------------------------------------------------

    def stats(self) -> Stats:
        with self._lock:
            conns = list(self._connections)
            return Stats(
                connections=len(conns),
                round_trips=sum(c.round_trips for c in conns),
                bytes_up=sum(c.bytes_up for c in conns),
                bytes_down=sum(c.bytes_down for c in conns),
                per_connection=tuple(c.round_trips for c in conns),
            )

    def reset(self) -> None:
        """Forget the connections counted so far (open ones keep counting, uncounted)."""
        with self._lock:
            self._connections = []

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until every counted client connection has been read to its end."""
        with self._idle:
            return self._idle.wait_for(
                lambda: all(c.client_done for c in self._connections), timeout
            )

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> DelayProxy:
        self._thread = threading.Thread(target=self._run, name="delay-proxy", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            raise self._error
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._shutdown)
            self._thread.join()

    def __enter__(self) -> DelayProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._listen())
        except BaseException as e:  # reported to start()
            self._error = e
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    def _shutdown(self) -> None:
        assert self._loop is not None
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()

        async def drain() -> None:
            if self._tasks:
                await asyncio.gather(*self._tasks, return_exceptions=True)
            if self._server is not None:
                await self._server.wait_closed()
            self._loop.stop()

        self._loop.create_task(drain())

    # -- one connection ---------------------------------------------------------------------

    async def _serve(self, c_reader, c_writer) -> None:
        task = asyncio.current_task()
        self._tasks.add(task)
        peer = c_writer.get_extra_info("peername")
        conn = Connection(peer=f"{peer[0]}:{peer[1]}" if peer else "?")
        with self._lock:
            self._connections.append(conn)
        s_writer = None
        try:
            try:
                s_reader, s_writer = await asyncio.open_connection(*self.upstream)
            except OSError as e:
                if self.verbose:
                    print(f"proxy: upstream {self.upstream}: {e}", file=sys.stderr)
                self._client_done(conn)
                return
            up: asyncio.Queue = asyncio.Queue()
            down: asyncio.Queue = asyncio.Queue()
            pumps = [
                asyncio.create_task(self._read(c_reader, up, conn, client=True)),
                asyncio.create_task(self._deliver(up, s_writer, conn, client=False)),
                asyncio.create_task(self._read(s_reader, down, conn, client=False)),
                asyncio.create_task(self._deliver(down, c_writer, conn, client=True)),
            ]
            try:
                # a reset on either side ends the whole connection
                done, pending = await asyncio.wait(pumps, return_when=asyncio.FIRST_EXCEPTION)
            finally:
                for p in pumps:
                    p.cancel()
                await asyncio.gather(*pumps, return_exceptions=True)
        except asyncio.CancelledError:
            pass
        finally:
            self._client_done(conn)
            for w in (c_writer, s_writer):
                if w is not None:
                    w.close()
                    with contextlib.suppress(Exception):
                        await w.wait_closed()
            self._tasks.discard(task)
            if self.verbose:
                print(f"proxy: {conn.peer} closed: {conn.round_trips} round trips", file=sys.stderr)

    def _client_done(self, conn: Connection) -> None:
        with self._idle:
            conn.client_done = True
            self._idle.notify_all()

    async def _read(self, reader, queue: asyncio.Queue, conn: Connection, client: bool) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                data = await reader.read(CHUNK)
                # scheduled at arrival: a burst is delayed once, not once per chunk
                queue.put_nowait((loop.time() + self.delay, data))
                if not data:
                    return
                with self._lock:
                    if client:
                        conn.bytes_up += len(data)
                        if conn._answered:
                            conn.turns += 1
                            conn._answered = False
                    else:
                        conn.bytes_down += len(data)
        finally:
            if client:
                self._client_done(conn)

    async def _deliver(self, queue: asyncio.Queue, writer, conn: Connection, client: bool) -> None:
        loop = asyncio.get_running_loop()
        while True:
            at, data = await queue.get()
            wait = at - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                # end of stream: half-close, so the other side may still answer
                if writer.can_write_eof():
                    writer.write_eof()
                else:
                    writer.close()
                return
            writer.write(data)
            if client:
                with self._lock:
                    conn._answered = True
            await writer.drain()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delay-ms", type=float, default=DEFAULT_DELAY_MS, help="one-way delay")
    ap.add_argument("--port", type=int, default=6543, help="listen on 127.0.0.1:PORT")
    ap.add_argument("--upstream-host", default=UPSTREAM[0])
    ap.add_argument("--upstream-port", type=int, default=UPSTREAM[1])
    args = ap.parse_args(argv)
    proxy = DelayProxy(
        args.delay_ms,
        args.port,
        upstream=(args.upstream_host, args.upstream_port),
        verbose=True,
    ).start()
    print(
        f"proxy: 127.0.0.1:{proxy.port} -> {args.upstream_host}:{args.upstream_port}, "
        f"+{args.delay_ms:g} ms each way; Ctrl-C to stop",
        file=sys.stderr,
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    proxy.stop()
    print(f"proxy: {proxy.stats()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
