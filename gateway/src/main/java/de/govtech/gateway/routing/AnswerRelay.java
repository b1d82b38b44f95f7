package de.govtech.gateway.routing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/**
 * Relays an upstream answer's body to the caller with back-pressure, gathering the pieces that arrive together into
 * one write. The Vert.x client hands the body over in the pieces it decodes — one per chunk of a chunked answer — and
 * every write to the caller's response is flushed at once, a system call each: a service's 18.7 KB catalogue page in
 * three 8 KB chunks cost three {@code writev} and a fourth {@code write} for the last chunk. The pieces one read of the
 * upstream brings are kept, without copying, until the event loop has handled that read (a task on the caller's context
 * runs after the loop's I/O), or until the answer ends, and then written in one go. More than {@link #MAX_GATHERED_BYTES}
 * is written at once, so a large body is still streamed and never held whole. A caller that goes away ends the relay:
 * the upstream's request is reset rather than its answer read to the end for nobody.
 */
final class AnswerRelay {

    static final int MAX_GATHERED_BYTES = 64 * 1024;

    private final HttpClientResponse answer;
    private final HttpServerResponse response;
    private final Context context;
    private final Promise<Void> relayed = Promise.promise();
    private CompositeByteBuf gathered;

    private AnswerRelay(HttpClientResponse answer, HttpServerResponse response, Context context) {
        this.answer = answer;
        this.response = response;
        this.context = context;
    }

    /**
     * Completes when the caller's response has ended or the caller has gone away (the upstream's request then reset);
     * fails when the upstream breaks off or the last write fails.
     */
    static Future<Void> relay(HttpClientResponse answer, HttpServerResponse response, Context context) {
        AnswerRelay relay = new AnswerRelay(answer, response, context);
        relay.start();
        return relay.relayed.future();
    }

    private void start() {
        response.closeHandler(closed -> callerGone());
        answer.exceptionHandler(failure -> {
            if (!response.closed()) {
                relayed.tryFail(failure);
            }
        });
        answer.handler(this::gather);
        answer.endHandler(ended -> {
            Buffer rest = takeGathered();
            (rest == null ? response.end() : response.end(rest)).onComplete(written -> {
                if (written.succeeded() || response.closed()) {
                    relayed.tryComplete();
                } else {
                    relayed.tryFail(written.cause());
                }
            });
        });
    }

    private void callerGone() {
        if (!response.ended() && relayed.tryComplete()) {
            gathered = null;
            answer.request().reset();
        }
    }

    private void gather(Buffer piece) {
        if (response.closed()) {
            return;
        }
        if (gathered == null) {
            gathered = Unpooled.compositeBuffer(Integer.MAX_VALUE);
            context.runOnContext(readHandled -> writeGathered());
        }
        gathered.addComponent(true, piece.getByteBuf());
        if (gathered.readableBytes() >= MAX_GATHERED_BYTES) {
            writeGathered();
        }
    }

    private void writeGathered() {
        Buffer pieces = takeGathered();
        if (pieces == null || response.ended() || response.closed()) {
            return;
        }
        response.write(pieces);
        if (response.writeQueueFull()) {
            answer.pause();
            response.drainHandler(drained -> answer.resume());
        }
    }

    private Buffer takeGathered() {
        if (gathered == null) {
            return null;
        }
        ByteBuf pieces = gathered.numComponents() == 1 ? gathered.component(0) : gathered;
        gathered = null;
        return Buffer.buffer(pieces);
    }
}
