package de.govtech.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.govtech.gateway.support.EchoUpstream;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.impl.ConnectionBase;

/** A real Vert.x with two event loops and a real upstream; callers take turns, so pooled connections could be shared. */
class EventLoopClientsTest {

    private Vertx vertx;
    private EchoUpstream upstream;
    private EventLoopClients clients;
    private final List<Context> callers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        upstream = EchoUpstream.start();
        clients = new EventLoopClients(vertx, new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(10));
        // each verticle instance gets its own event loop, in turn
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                callers.add(context);
            }
        }, new DeploymentOptions().setInstances(2)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        clients.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        upstream.close();
    }

    @Test
    void anUpstreamConnectionIsServedByTheCallersOwnEventLoop() throws Exception {
        assertEquals(2, callers.size());
        assertNotEquals(threadOf(callers.get(0)), threadOf(callers.get(1)), "two callers on two event loops");

        for (Context caller : List.of(callers.get(0), callers.get(1), callers.get(0), callers.get(1))) {
            assertTrue(servedByTheCallersEventLoop(caller), "the upstream connection's event loop is the caller's");
        }
    }

    /** One request from the caller's context, answered and read to its end; then its connection is back in a pool. */
    private boolean servedByTheCallersEventLoop(Context caller) throws Exception {
        URI url = URI.create(upstream.url());
        CompletableFuture<Boolean> servedThere = new CompletableFuture<>();
        caller.runOnContext(ignored -> clients.current()
                .request(HttpMethod.GET, url.getPort(), url.getHost(), "/anything")
                .compose(request -> request.send()
                        .compose(response -> response.body())
                        .map(body -> request.connection()))
                .onSuccess(connection -> servedThere.complete(onThisThreadsEventLoop(connection)))
                .onFailure(servedThere::completeExceptionally));
        return servedThere.get(10, TimeUnit.SECONDS);
    }

    private static boolean onThisThreadsEventLoop(HttpConnection connection) {
        return ((ConnectionBase) connection).channel().eventLoop().inEventLoop();
    }

    private static Thread threadOf(Context context) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        context.runOnContext(ignored -> thread.complete(Thread.currentThread()));
        return thread.get(10, TimeUnit.SECONDS);
    }
}
