package de.govtech.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;

/**
 * One upstream HTTP client per event loop, so that a forwarded request's upstream connection is served by the caller's
 * own event loop. A single Vert.x client hands out its pooled connections without regard to the event loop they
 * belong to: a request would then be written, and its answer read, on another event loop than the caller's, each
 * hand-over a task queued to the other thread and a wake-up of it (an eventfd write and an extra epoll return). A
 * client used from one event loop only creates its connections on that loop. Callers off an event loop share one more
 * client.
 */
final class EventLoopClients implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final Map<Thread, HttpClient> byEventLoop = new ConcurrentHashMap<>();
    private final HttpClient offEventLoop;

    EventLoopClients(Vertx vertx, HttpClientOptions options) {
        this.vertx = vertx;
        this.options = new HttpClientOptions(options);
        this.offEventLoop = vertx.createHttpClient(this.options);
    }

    /** The client whose connections live on the calling thread's event loop. */
    HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            return offEventLoop;
        }
        return byEventLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options));
    }

    @Override
    public void close() {
        byEventLoop.values().forEach(HttpClient::close);
        offEventLoop.close();
    }
}
