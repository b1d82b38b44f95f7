package de.govtech.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * A real Vert.x relaying a real upstream's chunked answer, which the upstream sends in one write (as Quarkus REST's
 * 8 KB chunks arrive in one read); the caller's socket flushes are counted at the head of its Netty pipeline, each
 * flush being one write system call.
 */
class AnswerRelayTest {

    private static final String LAST_CHUNK = "0\r\n\r\n";

    private Vertx vertx;
    private NetServer upstream;
    private HttpServer relayServer;
    private HttpClient upstreamClient;
    private HttpClient caller;
    private final AtomicInteger callerFlushes = new AtomicInteger();
    private int chunks;
    private int chunkBytes;
    private boolean endless;
    private final CompletableFuture<Void> upstreamClosed = new CompletableFuture<>();
    private final CompletableFuture<Future<Void>> relayed = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        upstream = vertx.createNetServer().connectHandler(socket -> {
            socket.closeHandler(closed -> upstreamClosed.complete(null));
            socket.handler(request -> {
                if (request.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    Buffer answer = chunkedAnswer(chunks, chunkBytes);
                    // an endless answer: its chunks, never the last chunk
                    socket.write(endless ? answer.getBuffer(0, answer.length() - LAST_CHUNK.length()) : answer);
                }
            });
        });
        await(upstream.listen(0, "localhost"));
        upstreamClient = vertx.createHttpClient();
        relayServer = vertx.createHttpServer().requestHandler(this::relay);
        await(relayServer.listen(0, "localhost"));
        caller = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void piecesArrivingTogetherReachTheCallerInOneWrite() throws Exception {
        chunks = 8;
        chunkBytes = 2_000;

        Buffer body = get();

        assertEquals(chunks * chunkBytes, body.length());
        assertEquals(expectedBody(chunks * chunkBytes), body);
        // without gathering: one flush per piece and one for the last chunk (9)
        assertTrue(callerFlushes.get() <= 2, "the caller's socket was flushed " + callerFlushes.get() + " times");
    }

    @Test
    void aLargeAnswerIsStillWrittenInPiecesNotHeldWhole() throws Exception {
        chunks = 64;
        chunkBytes = 8_000;

        Buffer body = get();

        assertEquals(expectedBody(chunks * chunkBytes), body);
        int bound = chunks * chunkBytes / AnswerRelay.MAX_GATHERED_BYTES;
        assertTrue(callerFlushes.get() >= bound, "at most " + AnswerRelay.MAX_GATHERED_BYTES
                + " bytes per write: " + callerFlushes.get() + " flushes for " + chunks * chunkBytes + " bytes");
    }

    @Test
    void aCallerThatGoesAwayEndsTheUpstreamsAnswer() throws Exception {
        chunks = 4;
        chunkBytes = 1_000;
        endless = true;

        CompletableFuture<HttpClientResponse> firstPiece = new CompletableFuture<>();
        caller.request(HttpMethod.GET, relayServer.actualPort(), "localhost", "/")
                .compose(request -> request.send())
                .onSuccess(response -> response.handler(piece -> firstPiece.complete(response)));
        await(firstPiece.get(10, TimeUnit.SECONDS).request().connection().close());

        // without the relay's own close handler the upstream's answer stays open, read for nobody
        upstreamClosed.get(10, TimeUnit.SECONDS);
        Future<Void> relay = relayed.get(10, TimeUnit.SECONDS);
        await(relay); // fails if the relay failed: the caller's leaving is not the upstream breaking off
    }

    private void relay(HttpServerRequest request) {
        ((ConnectionBase) request.connection()).channel().pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext context) {
                callerFlushes.incrementAndGet();
                context.flush();
            }
        });
        upstreamClient.request(HttpMethod.GET, upstream.actualPort(), "localhost", "/answer")
                .compose(outgoing -> outgoing.send())
                .onSuccess(answer -> {
                    request.response().setChunked(true);
                    relayed.complete(AnswerRelay.relay(answer, request.response(), vertx.getOrCreateContext()));
                })
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    private Buffer get() throws Exception {
        return await(caller.request(HttpMethod.GET, relayServer.actualPort(), "localhost", "/")
                .compose(request -> request.send())
                .compose(HttpClientResponse::body));
    }

    private static Buffer chunkedAnswer(int chunks, int chunkBytes) {
        Buffer body = expectedBody(chunks * chunkBytes);
        Buffer answer = Buffer.buffer("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < chunks; i++) {
            answer.appendString(Integer.toHexString(chunkBytes) + "\r\n")
                    .appendBuffer(body.getBuffer(i * chunkBytes, (i + 1) * chunkBytes))
                    .appendString("\r\n");
        }
        return answer.appendString(LAST_CHUNK);
    }

    private static Buffer expectedBody(int length) {
        Buffer body = Buffer.buffer(length);
        for (int i = 0; i < length; i++) {
            body.appendByte((byte) (i % 251));
        }
        return body;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
