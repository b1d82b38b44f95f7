package de.govtech.gateway.support;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.spi.runtime.AuthorizationSuccessEvent;

/** Counts the requests Quarkus security's path policies let through: each one went through its whole chain. */
@ApplicationScoped
public class SecurityChainRuns {

    private final AtomicInteger admitted = new AtomicInteger();

    void on(@Observes AuthorizationSuccessEvent event) {
        admitted.incrementAndGet();
    }

    public int admitted() {
        return admitted.get();
    }
}
